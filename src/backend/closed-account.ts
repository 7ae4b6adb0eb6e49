/**
 * The `accountId` a review keeps once Atlassian reported its reviewer's account closed: the id is
 * erased and the review kept, so the history still says that version was reviewed, and when, by
 * someone whose account was closed. Every closed reviewer's reviews read the same, so nothing links
 * them to a person or to each other. No Atlassian account id contains `#`, and `#` is a character
 * Forge allows in a key, so the review stays under a key of its own shape.
 */
export { CLOSED_ACCOUNT_ID } from '../declaration/api.ts';
