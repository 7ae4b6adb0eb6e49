import { locationsByIds, recipientsByIds, recipientsOf } from '../document/references.ts';
import type { ManifestFacts, ManifestPlace } from '../manifest/types.ts';
import { storageOf } from '../present/stated.ts';
import type { DataCategory, Log, Recipient } from '../schema/index.ts';
import {
  anyYes,
  booleanOf,
  distinct,
  manifestPlace,
  type ApiContext,
  type Verdict,
} from './marketplace-api-context.ts';
import type { AppTrustInformation, ThirdPartyDetail } from './marketplace-api-schema.ts';
import { storedOutside } from './marketplace-facts.ts';

/**
 * The payload's sections on data access and storage, third parties and logs, from the
 * declaration's categories, recipients and logs; the manifest's backend egress and remotes
 * answer whether data leaves Atlassian where the declaration is silent, and contradict it
 * where it says nothing does.
 */

/** Recipients that receive or keep a category's data, other than Atlassian's own platform. */
function thirdPartiesOf(context: ApiContext, category: DataCategory): Recipient[] {
  const { declaration } = context;
  return [
    ...recipientsOf(declaration, category),
    ...recipientsByIds(declaration, category.handling?.storedOnlyBy),
  ].filter((recipient) => recipient.category !== 'platform');
}

/** Whether the category is processed outside Atlassian: stored there, or sent to a third party. */
function processedOutside(context: ApiContext, category: DataCategory): Verdict {
  if (thirdPartiesOf(context, category).length > 0) return 'yes';
  return storedOutside(context.declaration, category);
}

/** Manifest entries that send in-scope End-User Data out of Atlassian (as the truth check reads them). */
function outflows(facts: ManifestFacts | undefined): {
  processed: ManifestPlace[];
  stored: ManifestPlace[];
} {
  if (!facts) return { processed: [], stored: [] };
  const backend = facts.egress.filter(
    (entry) => entry.kind === 'fetch.backend' && entry.inScopeEUD !== false,
  );
  const remotes = facts.remotes.filter((remote) => remote.handlesInScopeData);
  const storing = remotes.filter(
    (remote) => !remote.operationsWritten || remote.operations.includes('storage'),
  );
  return {
    processed: [...backend, ...remotes].map(manifestPlace),
    stored: storing.map(manifestPlace),
  };
}

/**
 * One "outside Atlassian" answer: the declaration's, unless it says no and the manifest sends
 * in-scope data out (a contradiction, left open), or it is silent and the manifest does (yes).
 */
function outsideAnswer(
  context: ApiContext,
  field: string,
  verdicts: Verdict[],
  manifest: ManifestPlace[],
  answeredBy: string[],
): boolean | undefined {
  const declared = anyYes(verdicts);
  if (declared === 'no' && manifest.length > 0) {
    context.open(field, 'contradicted-by-manifest', answeredBy, manifest);
    return undefined;
  }
  if (declared === 'not-stated' && manifest.length > 0) return true;
  if (declared === 'not-stated') context.open(field, 'not-stated', answeredBy);
  return booleanOf(declared);
}

/** `dataAccessAndStorage`. */
export function dataAccessAndStorage(
  context: ApiContext,
): AppTrustInformation['dataAccessAndStorage'] {
  const { eud, declaration } = context;
  const flows = outflows(context.facts);
  const processed = eud.map((category) => processedOutside(context, category));
  const stored = eud.map((category) => storedOutside(declaration, category));
  const where = (verdicts: Verdict[]) =>
    eud.flatMap((category, index) =>
      verdicts[index] === 'not-stated'
        ? [context.categoryPath(category, 'storedIn'), context.categoryPath(category, 'recipients')]
        : [],
    );
  const processes = outsideAnswer(
    context,
    'dataAccessAndStorage.appProcessEUDOutsideAtlassian',
    processed,
    flows.processed,
    where(processed),
  );
  const stores = outsideAnswer(
    context,
    'dataAccessAndStorage.appStoresEUDOutsideAtlassian',
    stored,
    flows.stored,
    where(stored),
  );
  // The kinds are the declaration's: named only where every category says where it goes.
  const kinds = (
    field: string,
    answer: boolean | undefined,
    verdicts: Verdict[],
  ): string[] | undefined => {
    if (answer === false) return [];
    if (answer === undefined || verdicts.includes('not-stated') || !verdicts.includes('yes')) {
      context.open(`dataAccessAndStorage.${field}`, 'not-stated', where(verdicts));
      return undefined;
    }
    return distinct(eud.filter((_, i) => verdicts[i] === 'yes').map((c) => context.text(c.name)));
  };
  const typesOfDataAccessed = kinds('typesOfDataAccessed', processes, processed);
  const typesOfDataStored = kinds('typesOfDataStored', stores, stored);
  let isSameDataProcessedAndStored: boolean | undefined;
  if (typesOfDataAccessed && typesOfDataStored) {
    isSameDataProcessedAndStored =
      typesOfDataAccessed.length === typesOfDataStored.length &&
      typesOfDataAccessed.every((name) => typesOfDataStored.includes(name));
  } else {
    context.open('dataAccessAndStorage.isSameDataProcessedAndStored', 'not-stated', [
      ...where(processed),
      ...where(stored),
    ]);
  }
  return {
    isSameDataProcessedAndStored,
    appProcessEUDOutsideAtlassian: processes,
    typesOfDataAccessed,
    appStoresEUDOutsideAtlassian: stores,
    typesOfDataStored,
  };
}

/** One third party as the resource lists it; a missing link or country is left open. */
function thirdPartyDetail(
  context: ApiContext,
  recipient: Recipient,
  index: number,
): ThirdPartyDetail {
  const field = `thirdPartyInformation.thirdPartyDetails[${index}]`;
  if (!recipient.privacyPolicyUrl) {
    context.open(`${field}.link`, 'not-stated', [
      context.itemPath('recipients', recipient.id, 'privacyPolicyUrl'),
    ]);
  }
  if (!recipient.countries?.length) {
    context.open(`${field}.thirdPartyCountries`, 'not-stated', [
      context.itemPath('recipients', recipient.id, 'countries'),
    ]);
  }
  return {
    name: context.text(recipient.name),
    link: recipient.privacyPolicyUrl,
    purpose: context.text(recipient.purpose) || undefined,
    thirdPartyCountries: recipient.countries?.length
      ? distinct(recipient.countries.map(context.country))
      : undefined,
  };
}

/** `thirdPartyInformation`: every party other than Atlassian that receives End-User Data. */
export function thirdPartyInformation(
  context: ApiContext,
): AppTrustInformation['thirdPartyInformation'] {
  const parties = [
    ...new Set(context.eud.flatMap((category) => thirdPartiesOf(context, category))),
  ];
  context.open('thirdPartyInformation.dataSubProcessors', 'no-declaration-field');
  return {
    isEndUserDataShared: parties.length > 0,
    thirdPartyDetails: parties.map((recipient, index) =>
      thirdPartyDetail(context, recipient, index),
    ),
  };
}

/** Whether a log with End-User Data is kept outside Atlassian, or by a third party. */
function logPlaces(context: ApiContext, log: Log): { outside: Verdict; thirdParty: Verdict } {
  const places = locationsByIds(context.declaration, log.storedIn);
  if (places.length === 0) return { outside: 'not-stated', thirdParty: 'not-stated' };
  const hosts = places.map((place) => place.hostedBy);
  const outside = anyYes(
    hosts.map((host) =>
      host === 'atlassian' ? 'no' : host === 'not-stated' ? 'not-stated' : 'yes',
    ),
  );
  const thirdParty = anyYes(
    hosts.map((host) =>
      host === 'subprocessor'
        ? 'yes'
        : host === 'atlassian' || host === 'customer'
          ? 'no'
          : 'not-stated',
    ),
  );
  return { outside, thirdParty };
}

/** `logDetails`, from the logs the Cloud app and its vendor keep. */
export function logDetails(context: ApiContext): AppTrustInformation['logDetails'] {
  const logs = (context.declaration.logs ?? []).filter(
    (log) => !log.platforms || log.platforms.includes('cloud'),
  );
  context.open('logDetails.logsIntegralForAppFunctionality', 'no-declaration-field');
  if (logs.length === 0) {
    for (const field of [
      'logEndUserData',
      'logProcessAndOrStoreEUDOutsideAtlassian',
      'logEUDShareWithThirdParty',
    ]) {
      context.open(`logDetails.${field}`, 'not-stated', ['logs']);
    }
    return {};
  }
  const path = (log: Log, field: string) => context.itemPath('logs', log.id, field);
  // A log that may contain End-User Data does log it whenever it is there.
  const withData = logs.filter(
    (log) => log.endUserData === 'yes' || log.endUserData === 'may-contain',
  );
  const unknown = logs.filter((log) => log.endUserData === 'not-stated');
  const logsData: Verdict = withData.length ? 'yes' : unknown.length ? 'not-stated' : 'no';
  if (logsData === 'not-stated') {
    context.open(
      'logDetails.logEndUserData',
      'not-stated',
      unknown.map((log) => path(log, 'endUserData')),
    );
  }
  const placed = (key: 'outside' | 'thirdParty', field: string): boolean | undefined => {
    if (logsData === 'no') return false;
    const verdicts = withData.map((log) => logPlaces(context, log)[key]);
    const verdict = anyYes([...verdicts, ...(unknown.length ? (['not-stated'] as const) : [])]);
    if (verdict === 'not-stated') {
      context.open(`logDetails.${field}`, 'not-stated', [
        ...withData.map((log) => path(log, 'storedIn')),
        ...unknown.map((log) => path(log, 'endUserData')),
      ]);
    }
    return booleanOf(verdict);
  };
  return {
    logEndUserData: booleanOf(logsData),
    logProcessAndOrStoreEUDOutsideAtlassian: placed(
      'outside',
      'logProcessAndOrStoreEUDOutsideAtlassian',
    ),
    logEUDShareWithThirdParty: placed('thirdParty', 'logEUDShareWithThirdParty'),
  };
}

/** Whether every stored category says where it is kept; the paths of those that do not. */
export function unplacedStorage(context: ApiContext): string[] {
  return context.stored
    .filter((category) => storageOf(category) === 'not-stated')
    .map((category) => context.categoryPath(category, 'storedIn'));
}
