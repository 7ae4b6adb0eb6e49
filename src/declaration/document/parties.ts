import type { Translator } from '../i18n/index.ts';
import { label, labels } from '../present/labels.ts';
import { describeBoundedDuration, describeDuration } from '../present/retention.ts';
import type {
  Cookie,
  Declaration,
  LocationBackups,
  Recipient,
  StorageLocation,
} from '../schema/index.ts';
import {
  definitions,
  joinedList,
  labelledNote,
  link,
  list,
  notes,
  pair,
  paragraph,
  run,
  runs,
  sentences,
  words,
} from './blocks.ts';
import { hasText, say, textOf } from './compose.ts';
import { dataFlowBlocks } from './data-flow.ts';
import type { Block, Flow, Inline, Row, Section } from './model.ts';
import { placementBlocks } from './placement.ts';
import {
  joinedComma,
  locationName,
  locationNames,
  placeParts,
  recipientWhere,
  transferTo,
} from './references.ts';

type Rows = Parameters<typeof definitions>[1];

function cell(content: Inline): Flow {
  return [{ kind: 'paragraph', content }];
}

/** A location's backups, a fact a row: how often, how many, how long, encrypted, where. */
function backupRows(
  declaration: Declaration,
  backups: LocationBackups | undefined,
  translator: Translator,
): Rows {
  const locale = translator.locale;
  // The place is a list; the policy's description of the backups is a sentence of its own.
  const backupWhere = backups
    ? joinedComma(translator, [
        run(backups.provider, locale),
        ...placeParts(backups.country, run(backups.geography, locale), translator),
      ])
    : [];
  return [
    ['label.backups', sentences(translator, backupWhere, run(backups?.description, locale))],
    [
      'label.backupFrequency',
      backups?.frequency && [label(translator, 'backupFrequency', backups.frequency)],
    ],
    [
      'label.backupCopies',
      backups?.copies !== undefined ? [translator.plural('value.copies', backups.copies)] : [],
    ],
    [
      'label.backupPeriod',
      backups?.period ? [describeBoundedDuration(backups.period, backups.bound, translator)] : [],
    ],
    [
      'label.backupEncrypted',
      backups?.encrypted && [label(translator, 'tristate', backups.encrypted)],
    ],
    [
      'label.backupLocation',
      joinedList(
        translator,
        locationNames(declaration, backups?.location ? [backups.location] : [], translator),
      ),
    ],
  ];
}

/** Storage inside the customer's own database: what kind, the table prefixes, the policy's words. */
function databaseRows(location: StorageLocation, translator: Translator): Rows {
  const database = location.database;
  return [
    ['label.database', database && [label(translator, 'databaseKind', database.kind)]],
    [
      'label.tablePrefixes',
      joinedList(
        translator,
        (database?.tablePrefixes ?? []).map((prefix) => words(prefix)),
      ),
    ],
    ['label.databaseDescription', run(database?.description, translator.locale)],
  ];
}

/** The hosts something is reached at, as the manifest writes them. */
function domainsOf(domains: string[] | undefined, translator: Translator): Inline {
  return joinedList(
    translator,
    (domains ?? []).map((domain) => words(domain)),
  );
}

/** A location's card: who hosts it, where, what it holds, residency and backups. */
function locationCard(
  declaration: Declaration,
  location: StorageLocation,
  translator: Translator,
): Block {
  const locale = translator.locale;
  return {
    kind: 'heading',
    text: locationName(location, translator),
    key: `location-${location.id}`,
    card: true,
    blocks: [
      ...definitions(translator, [
        ['label.hostedBy', [label(translator, 'hostedBy', location.hostedBy)]],
        [
          'label.provider',
          pair(translator, run(location.provider, locale), run(location.service, locale)),
        ],
        [
          'label.country',
          joinedComma(
            translator,
            placeParts(location.country, run(location.geography, locale), translator),
          ),
        ],
        ['label.region', words(location.regionCode)],
        ['label.holds', run(location.holds, locale)],
        ...databaseRows(location, translator),
        ['label.domains', domainsOf(location.domains, translator)],
        [
          'label.residency',
          sentences(
            translator,
            location.followsDataResidency
              ? [label(translator, 'tristate', location.followsDataResidency)]
              : [],
            run(location.residencyNote, locale),
          ),
        ],
        ...backupRows(declaration, location.backups, translator),
        [
          'label.platforms',
          joinedList(
            translator,
            labels(translator, 'platform', location.platforms ?? []).map((p) => [p]),
          ),
        ],
      ]),
      ...notes(translator, location.notes, locale),
    ],
  };
}

/** Every storage location with its provider, country, residency and backups, then how the place is chosen. */
export function locationsSection(declaration: Declaration, translator: Translator): Section {
  return {
    id: 'where-data-lives',
    title: translator.t('section.whereDataLives'),
    blocks: [
      ...dataFlowBlocks(declaration, translator),
      ...(declaration.locations.length === 0
        ? paragraph([translator.t('value.noLocations')])
        : declaration.locations.map((location) => locationCard(declaration, location, translator))),
      ...placementBlocks(declaration, translator),
    ],
  };
}

/** International transfers and the legal mechanism for each; null when there are none. */
export function transfersSection(declaration: Declaration, translator: Translator): Section | null {
  const transfers = declaration.transfers ?? [];
  if (transfers.length === 0) return null;
  const locale = translator.locale;
  const notStated = [translator.t('value.notStated')];
  return {
    id: 'transfers',
    title: translator.t('section.transfers'),
    blocks: [
      {
        kind: 'table',
        caption: translator.t('section.transfers'),
        columns: [
          { label: translator.t('label.from') },
          { label: translator.t('label.to') },
          { label: translator.t('label.mechanism') },
          { label: translator.t('label.reason') },
        ],
        rows: transfers.map((transfer) => {
          const to = transferTo(transfer, translator);
          const from = run(transfer.from, locale);
          return {
            cells: [
              cell(hasText(from) ? from : notStated),
              cell(to.length > 0 ? joinedList(translator, to) : notStated),
              cell([label(translator, 'transferMechanism', transfer.mechanism)]),
              [
                ...paragraph(run(transfer.reason, locale)),
                ...notes(translator, transfer.notes, locale),
              ],
            ],
          };
        }),
      },
    ],
  };
}

function recipientRow(recipient: Recipient, translator: Translator): Row {
  const locale = translator.locale;
  const where = recipientWhere(recipient, translator);
  const safeguards = runs(recipient.safeguards, locale);
  return {
    key: `recipient-${recipient.id}`,
    cells: [
      [
        ...paragraph(run(recipient.name, locale)),
        ...paragraph(run(recipient.legalEntity, locale), { note: true }),
        ...paragraph(link(recipient.privacyPolicyUrl, [translator.t('label.privacyPolicy')]), {
          note: true,
        }),
        ...labelledNote(translator, 'label.domains', domainsOf(recipient.domains, translator)),
      ],
      [
        ...paragraph([label(translator, 'recipientKind', recipient.kind)]),
        ...paragraph([label(translator, 'recipientCategory', recipient.category)], { note: true }),
      ],
      [
        ...paragraph(run(recipient.purpose, locale)),
        ...labelledNote(translator, 'label.when', run(recipient.when, locale)),
      ],
      cell(where.length > 0 ? joinedList(translator, where) : [translator.t('value.notStated')]),
      [
        ...(safeguards.length === 0 && !recipient.optOut
          ? paragraph([translator.t('value.noneStated')])
          : []),
        ...list(safeguards),
        ...paragraph(link(recipient.optOut, [translator.t('label.optOut')]), { note: true }),
        ...notes(translator, recipient.notes, locale),
      ],
    ],
  };
}

/** Subprocessors and other recipients: who, why, where, and how to opt out. */
export function recipientsSection(declaration: Declaration, translator: Translator): Section {
  return {
    id: 'recipients',
    title: translator.t('section.recipients'),
    blocks:
      declaration.recipients.length === 0
        ? paragraph([translator.t('value.noRecipients')])
        : [
            {
              kind: 'table',
              caption: translator.t('section.recipients'),
              testId: 'recipients-table',
              columns: [
                { label: translator.t('label.recipient') },
                { label: translator.t('label.kind') },
                { label: translator.t('label.purpose') },
                { label: translator.t('label.where') },
                { label: translator.t('label.safeguards'), testId: 'recipient-safeguards' },
              ],
              rows: declaration.recipients.map((recipient) => recipientRow(recipient, translator)),
            },
          ],
  };
}

/** Who sets a cookie: the party, and the provider or recipient when it names them. */
function setBy(declaration: Declaration, cookie: Cookie, translator: Translator): Inline {
  const locale = translator.locale;
  const recipient = declaration.recipients.find((r) => r.id === cookie.recipient);
  const provider = run(cookie.provider, locale);
  const recipientName = run(recipient?.name, locale);
  // The provider and the recipient are often the same name: say it once.
  const who =
    hasText(provider) && hasText(recipientName) && textOf(provider) !== textOf(recipientName)
      ? joinedList(translator, [provider, recipientName])
      : hasText(provider)
        ? provider
        : recipientName;
  const party = label(translator, 'cookieParty', cookie.party);
  return hasText(who) ? say(translator, 'value.labelled', { label: party, value: who }) : [party];
}

/** Cookies and trackers; null when there are none. */
export function cookiesSection(declaration: Declaration, translator: Translator): Section | null {
  const cookies = declaration.cookies ?? [];
  if (cookies.length === 0) return null;
  const locale = translator.locale;
  return {
    id: 'cookies',
    title: translator.t('section.cookies'),
    blocks: [
      {
        kind: 'table',
        caption: translator.t('section.cookies'),
        columns: [
          { label: translator.t('label.name') },
          { label: translator.t('label.purpose') },
          { label: translator.t('label.category') },
          { label: translator.t('label.setBy') },
          { label: translator.t('label.usedOn') },
          { label: translator.t('label.lifetime'), testId: 'cookie-duration' },
        ],
        rows: cookies.map((cookie) => ({
          cells: [
            cell(run(cookie.name, locale)),
            [
              ...paragraph(run(cookie.purpose, locale)),
              ...paragraph(link(cookie.optOut, [translator.t('label.optOut')]), { note: true }),
              ...notes(translator, cookie.notes, locale),
            ],
            cell([label(translator, 'cookieCategory', cookie.category)]),
            cell(setBy(declaration, cookie, translator)),
            cell(
              joinedList(
                translator,
                labels(translator, 'cookieWhere', cookie.where).map((w) => [w]),
              ),
            ),
            cell([
              cookie.duration
                ? describeDuration(cookie.duration, translator)
                : translator.t('value.notStated'),
            ]),
          ],
        })),
      },
    ],
  };
}
