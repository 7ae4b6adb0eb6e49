/**
 * The starting `privacy/declaration.yaml` that init writes into a vendor's app. It is valid as it
 * stands, but it claims nothing init cannot know: what the vendor's own app collects is "not
 * stated yet", with comments saying what to fill in. What is known is stated, in format 2: the
 * disclosure itself keeps its published versions and its review records in the app's Forge
 * storage, which follows the site's data residency, reports the account ids in those reviews to
 * Atlassian's personal data reporting once a week and erases those of closed accounts, and writes
 * the app's Forge logs, which the app's developers can read. Pure.
 */
import { stringify } from 'yaml';
// Its first line: while it is there, validation warns (the core knows the line, init writes it).
import { STARTING_DECLARATION_MARKER } from '../../declaration/validation/warnings.ts';

/** The declaration's `app.products` values. */
export type DeclaredProduct = 'jira' | 'jira-service-management' | 'confluence' | 'compass';

/** What init knows about the app when it writes the starting declaration. */
export interface StartingFacts {
  appName: string;
  products: DeclaredProduct[];
  /** The manifest's `app.id`, when it is a real Forge app id. */
  forgeAppId?: string;
  /** Today, YYYY-MM-DD: the declaration's lastUpdated. */
  today: string;
}

const FORGE_APP_ID =
  /^ari:cloud:ecosystem::app\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `id` is a Forge app id the declaration accepts (not a placeholder). */
export function isForgeAppId(id: unknown): id is string {
  return typeof id === 'string' && FORGE_APP_ID.test(id);
}

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The text of the starting declaration for an app. */
export function startingDeclaration(facts: StartingFacts): string {
  const appId = isForgeAppId(facts.forgeAppId)
    ? `  forgeAppId: ${scalar(facts.forgeAppId)}\n`
    : '  # forgeAppId: ari:cloud:ecosystem::app/<uuid>, from manifest.yml once the app is registered\n';
  return `${STARTING_DECLARATION_MARKER}
#
# yaml-language-server: $schema=../node_modules/privacy-disclosure/schema/declaration.schema.json
#
# What ${facts.appName.replace(/\s+/g, ' ')} collects, why, where it is kept, for how long, and who else
# receives it. This is shown to admins and users inside the products, so every statement must be
# true. privacy-disclosure init wrote it as a starting point:
#   - what the disclosure itself stores (its published versions and review records, in your
#     app's Forge storage), reports (the account ids in its reviews, weekly, to Atlassian's
#     personal data reporting) and logs (in your app's Forge logs) is already described;
#   - everything else is "not-stated" or "Not stated yet". Replace it with what your privacy
#     policy says, and add a data category for each kind of data your app collects.
# Then run \`npm run privacy-disclosure:build\`: it checks this file and bundles it into the app.
# Editors with the YAML language server complete every field and show what it means.
schemaVersion: 2

vendor:
  # Who you are: legalName (as registered), country (two letters, e.g. NZ), website, and
  # privacyContact, where privacy questions go (mailto:privacy@example.com or an https:// page).
  notes:
    - The vendor's name and privacy contact are not stated in this declaration yet.

app:
  name: ${scalar(facts.appName)}
  products: [${facts.products.join(', ')}]
  framework: forge
${appId}  # marketplaceUrl: https://marketplace.atlassian.com/apps/<id>/<slug> (links the Privacy & security tab)
  platforms:
    - platform: cloud
      # What is true on Cloud: where the app runs, what leaves Atlassian (remotes, egress).
      statement: Not stated yet.
  notes:
    - What the app itself collects is not stated in this declaration yet.

policy:
  # Your own version label for this declaration; change it whenever you publish a new one.
  version: draft
  lastUpdated: ${facts.today}
  # "declaration": the date this declaration was written; use "policy" with your policy's date.
  lastUpdatedSource: declaration
  # fullPolicyUrl: https://example.com/privacy

purposes:
  # Why you process data. Add yours, e.g. { id: provide-the-app, name: Provide the app,
  # legalBasis: [contract] }; data categories refer to these ids.
  - id: show-declaration
    name: Show this declaration and its history
    description: >-
      Show the current declaration to admins and users, list every version the site was shown,
      and show what changed between versions.
    notes:
      - The published versions are not personal data, so no legal basis is needed for them.
  - id: record-review
    name: Keep a record of reviews
    description: >-
      Record that an administrator reviewed a version of this declaration, so the site can see who
      reviewed what, when, and what changed since.
    legalBasis: [legitimate-interests]
    legalBasisNote: The customer's legitimate interest in keeping a record of its review of the app's declaration.

dataCategories:
  # Add one entry per kind of data your app collects: what (examples), whose (subjects),
  # personal and sensitive ('yes', 'no', may-contain), sources, purposes, where it is stored
  # (storedIn), whether it follows data residency (residency: in-scope, global, excluded),
  # retention and recipients. Where your policy is silent, say so: personal not-stated,
  # retention basis not-stated, legalBasis [not-stated], residency not-stated.
  - id: declaration-versions
    name: Published declaration versions
    description: >-
      Each version of this declaration the site was shown, with its version number, when it was
      published, a hash of its content and the app version that published it.
    subjects: [none]
    personal: 'no'
    sensitive: 'no'
    sources: [app-runtime]
    marketplaceClass: not-end-user-data
    platforms: [cloud]
    collection: required
    purposes: [show-declaration]
    storedIn: [forge-storage]
    residency: in-scope
    retention:
      basis: while-installed
      period: P28D
      after: uninstall
      description: >-
        Kept while the app is installed; every version is kept. Forge hosted storage keeps an
        app's data for 28 days after it is uninstalled.
    recipients: []
    handling:
      collectedByDefault: true
  - id: review-records
    name: Review records
    description: Which administrator marked which version of this declaration as reviewed, and when.
    examples:
      - Atlassian account id of the administrator
      - The declaration version reviewed
      - Time of the review
    subjects: [administrators]
    personal: 'yes'
    sensitive: 'no'
    sources: [app-runtime]
    platforms: [cloud]
    collection: optional
    purposes: [record-review]
    storedIn: [forge-storage]
    residency: in-scope
    retention:
      basis: while-installed
      period: P28D
      after: uninstall
      description: >-
        Kept while the app is installed; Forge hosted storage keeps an app's data for 28 days after
        it is uninstalled. The account id in a review is erased sooner, when the administrator's
        Atlassian account is closed, as Atlassian reports it: the review stays as a review by an
        account that was closed.
      notes:
        - >-
          The app asks Atlassian once a week, so an account id is erased at the first weekly report
          after Atlassian reports the account closed; when a report fails, the next week's asks again.
    recipients: [atlassian-personal-data-reporting]
    handling:
      forms: [identifiers-only]
      collectedByDefault: false
      notes:
        - >-
          Once a week, a Forge scheduled trigger reports every account id in the review records to
          Atlassian's personal data reporting API (privacy.reportPersonalData), each with the time
          of that account's newest review, and replaces the account id of every account Atlassian
          reports closed with a mark that names no one.
    notes:
      - A record is made only when an administrator chooses to mark a version as reviewed.

locations:
  # Where data is stored: Forge storage, your own servers (hostedBy: vendor, provider, regionCode,
  # country), or a subprocessor's. hostedBy: not-stated when your policy does not say.
  - id: forge-storage
    name: Forge storage
    hostedBy: atlassian
    provider: Atlassian
    service: Forge hosted storage, Key-Value Store
    geography: The site's data residency location
    followsDataResidency: 'yes'
    platforms: [cloud]
  - id: forge-logs
    name: Forge app logs
    hostedBy: atlassian
    provider: Atlassian
    service: Forge logs, shown in the Forge developer console
    followsDataResidency: not-stated
    platforms: [cloud]

# Subprocessors and anyone else who receives data: id, name, kind, purpose, countries.
recipients:
  - id: atlassian-personal-data-reporting
    name: Atlassian (personal data reporting)
    kind: recipient
    category: platform
    purpose: >-
      Atlassian asks every app that stores account ids to report them, answers which of those
      accounts were closed (so the app erases them) or changed, and shows people which apps report
      storing data about them.
    when: >-
      Once a week: every account id in the review records, with the time of that account's newest
      review. It is sent through the Forge platform, not to a host of the app's own.

logs:
  # What goes into each log your app or you keep: what an entry holds, whether it has end-user
  # data (an account id is end-user data), where it is kept, for how long, and who reads it.
  - id: forge-function-logs
    name: The app's Forge logs
    holds: >-
      What the disclosure's back end writes to the app's Forge logs: which declaration version was
      published on install or upgrade, the weekly personal data report's counts, and why a
      request, a publication or a report failed, including damaged records it skipped or repaired.
      Add what your own functions log.
    endUserData: may-contain
    storedIn: [forge-logs]
    retention:
      basis: not-stated
      description: Kept by Atlassian's Forge platform for as long as it keeps app logs.
    readableBy:
      - The app's developers, in the Forge developer console, while the site shares its app logs with them
    platforms: [cloud]
    notes:
      - >-
        The disclosure logs damaged review records without their account id; a review whose
        recording failed in Forge storage is logged with the storage keys it tried to write, and
        a review's key ends with the administrator's account id.

rights:
  regimes:
    # Add the rights your policy grants, per law (gdpr, ccpa, ...).
    - regime: general
      appliesTo: Administrators who recorded a review
      rights:
        - right: access
          description: Review records are shown with each version in the declaration's version history.
        - right: erasure
          description: >-
            When an administrator's Atlassian account is closed, the app erases the account id from
            their reviews at its next weekly report.
  howToExercise: Not stated yet.
`;
}
