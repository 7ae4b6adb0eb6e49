import type { Declaration } from '@declaration';
import { BUNDLED_DECLARATION } from '../../src/backend/bundled-declaration.generated.ts';

/**
 * The app's own declaration as an upgrade would change it: a new policy version label, review
 * records kept for a fixed year after the review, and Atlassian's logging named as a recipient.
 */
export function upgradedOwnDeclaration(): Declaration {
  const next = structuredClone(BUNDLED_DECLARATION);
  // A label the bundled declaration does not have, whatever its own is.
  next.policy.version = `${BUNDLED_DECLARATION.policy.version}.1`;
  const reviews = next.dataCategories.find((category) => category.id === 'review-records')!;
  reviews.retention = {
    basis: 'fixed-period',
    period: 'P1Y',
    after: 'collection',
    description: 'Review records are deleted one year after the review.',
  };
  next.recipients.push({
    id: 'atlassian-logging',
    name: 'Atlassian (Forge logs)',
    kind: 'recipient',
    category: 'platform',
    purpose: 'Forge keeps the app’s error logs, which may contain an account id.',
  });
  reviews.recipients = ['atlassian-logging'];
  return next;
}

/** A declaration whose JSON needs several storage chunks: the policy quoted at length. */
export function longDeclaration(base: Declaration, paragraphs: number): Declaration {
  const next = structuredClone(base);
  const statement = next.app.platforms
    .map(({ statement: text }) => (typeof text === 'string' ? text : text.en))
    .join(' ');
  next.sections = [
    {
      title: 'The policy in full',
      paragraphs: Array.from({ length: paragraphs }, (_, index) => `${index + 1}. ${statement}`),
    },
  ];
  return next;
}
