import type { Declaration } from '../../schema/index.ts';
import { LABELS } from '../../present/labels.ts';
import { countryName, localize } from '../../present/localize.ts';
import { describeDuration } from '../../present/retention.ts';
import { countriesText } from '../facts.ts';
import { facts, joined, link, notesBlock, type Inline, type Section } from './model.ts';

function notesText(notes: Parameters<typeof localize>[0][] | undefined, locale: string): string {
  return joined(
    (notes ?? []).map((note) => localize(note, locale)),
    ' ',
  );
}

/** Where data is stored, with backups and data residency. */
export function locationsSection(declaration: Declaration, locale: string): Section {
  return {
    id: 'locations',
    title: 'Where data is stored',
    blocks:
      declaration.locations.length === 0
        ? [{ kind: 'paragraph', content: ['No data is stored.'] }]
        : declaration.locations.map((location) => {
            const backups = location.backups;
            return {
              kind: 'subsection' as const,
              title:
                localize(location.name, locale) ||
                localize(location.provider, locale) ||
                LABELS.hostedBy[location.hostedBy],
              blocks: [
                facts([
                  ['Hosted by', LABELS.hostedBy[location.hostedBy]],
                  ['Provider', localize(location.provider, locale)],
                  ['Service', localize(location.service, locale)],
                  ['Region', location.regionCode],
                  ['Country', location.country && countryName(location.country, locale)],
                  ['Geography', localize(location.geography, locale)],
                  ['What is kept here', localize(location.holds, locale)],
                  [
                    'Follows data residency',
                    location.followsDataResidency && LABELS.tristate[location.followsDataResidency],
                  ],
                  ['About data residency', localize(location.residencyNote, locale)],
                  ['Backups kept by', localize(backups?.provider, locale)],
                  ['Backups in', backups?.country && countryName(backups.country, locale)],
                  ['Backup geography', localize(backups?.geography, locale)],
                  ['About backups', localize(backups?.description, locale)],
                  ['Platforms', joined((location.platforms ?? []).map((p) => LABELS.platform[p]))],
                ]),
                ...notesBlock(location.notes, locale),
              ],
            };
          }),
  };
}

/** Subprocessors and other recipients, one table row each. */
export function recipientsSection(declaration: Declaration, locale: string): Section {
  const rows: Inline[][] = declaration.recipients.map((recipient) => {
    const name = localize(recipient.name, locale);
    const legal = localize(recipient.legalEntity, locale);
    return [
      [name, ...(legal ? [` (${legal})`] : [])],
      [`${LABELS.recipientKind[recipient.kind]}: ${LABELS.recipientCategory[recipient.category]}`],
      [joined([localize(recipient.purpose, locale), localize(recipient.when, locale)], ' ')],
      [
        joined([
          countriesText(recipient.countries, locale),
          localize(recipient.geography, locale),
        ]) || 'Not stated',
      ],
      [
        joined(
          [
            ...(recipient.safeguards ?? []).map((s) => localize(s, locale)),
            notesText(recipient.notes, locale),
          ],
          ' ',
        ),
      ],
      [
        ...(link(recipient.privacyPolicyUrl, 'Privacy policy') ?? []),
        ...(recipient.privacyPolicyUrl && recipient.optOut ? [' · '] : []),
        ...(link(recipient.optOut, 'Opt out') ?? []),
      ],
    ];
  });
  return {
    id: 'recipients',
    title: 'Subprocessors and other recipients',
    blocks:
      rows.length === 0
        ? [{ kind: 'paragraph', content: ['No one else receives the data.'] }]
        : [
            {
              kind: 'table',
              headers: ['Who', 'Role', 'Why and when', 'Where', 'Safeguards and notes', 'Links'],
              rows,
            },
          ],
  };
}

/** Cookies and trackers. */
export function cookiesSection(declaration: Declaration, locale: string): Section | null {
  const cookies = declaration.cookies ?? [];
  if (cookies.length === 0) return null;
  const recipientName = (id: string | undefined) =>
    localize(declaration.recipients.find((r) => r.id === id)?.name, locale);
  return {
    id: 'cookies',
    title: 'Cookies and trackers',
    blocks: [
      {
        kind: 'table',
        headers: ['Name', 'Purpose', 'Category', 'Set by', 'Where', 'Lifetime', 'Opt out', 'Notes'],
        rows: cookies.map((cookie) => [
          [localize(cookie.name, locale)],
          [localize(cookie.purpose, locale)],
          [LABELS.cookieCategory[cookie.category]],
          [
            joined([
              LABELS.cookieParty[cookie.party],
              localize(cookie.provider, locale),
              recipientName(cookie.recipient),
            ]),
          ],
          [joined(cookie.where.map((w) => LABELS.cookieWhere[w]))],
          [cookie.duration ? describeDuration(cookie.duration) : 'Not stated'],
          link(cookie.optOut, 'Opt out') ?? ['—'],
          [notesText(cookie.notes, locale)],
        ]),
      },
    ],
  };
}

/** International transfers and their legal mechanism. */
export function transfersSection(declaration: Declaration, locale: string): Section | null {
  const transfers = declaration.transfers ?? [];
  if (transfers.length === 0) return null;
  return {
    id: 'transfers',
    title: 'International transfers',
    blocks: [
      {
        kind: 'table',
        headers: ['From', 'To', 'Mechanism', 'Why', 'Notes'],
        rows: transfers.map((transfer) => [
          [localize(transfer.from, locale) || 'Not stated'],
          [
            joined([countriesText(transfer.to, locale), localize(transfer.toGeography, locale)]) ||
              'Not stated',
          ],
          [LABELS.transferMechanism[transfer.mechanism]],
          [localize(transfer.reason, locale)],
          [notesText(transfer.notes, locale)],
        ]),
      },
    ],
  };
}
