import type { Declaration, Text } from '../schema/index.ts';
import { LABELS } from '../present/labels.ts';
import { countryName } from '../present/localize.ts';
import { describeDuration } from '../present/retention.ts';
import { countriesText } from './references.ts';
import { isolate } from '../export/bidi.ts';
import { vendorText } from '../export/vendor-text.ts';
import { facts, joined, link, notesBlock, type Inline, type Section } from './model.ts';

function notesText(notes: Text[] | undefined, locale: string): string {
  return joined(
    (notes ?? []).map((note) => vendorText(note, locale)),
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
                vendorText(location.name, locale) ||
                vendorText(location.provider, locale) ||
                LABELS.hostedBy[location.hostedBy],
              blocks: [
                facts([
                  ['Hosted by', LABELS.hostedBy[location.hostedBy]],
                  ['Provider', vendorText(location.provider, locale)],
                  ['Service', vendorText(location.service, locale)],
                  ['Region', location.regionCode && isolate(location.regionCode)],
                  ['Country', location.country && countryName(location.country, locale)],
                  ['Geography', vendorText(location.geography, locale)],
                  ['What is kept here', vendorText(location.holds, locale)],
                  [
                    'Follows data residency',
                    location.followsDataResidency && LABELS.tristate[location.followsDataResidency],
                  ],
                  ['About data residency', vendorText(location.residencyNote, locale)],
                  ['Backups kept by', vendorText(backups?.provider, locale)],
                  ['Backups in', backups?.country && countryName(backups.country, locale)],
                  ['Backup geography', vendorText(backups?.geography, locale)],
                  ['About backups', vendorText(backups?.description, locale)],
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
    const name = vendorText(recipient.name, locale);
    const legal = vendorText(recipient.legalEntity, locale);
    return [
      [name, ...(legal ? [` (${legal})`] : [])],
      [`${LABELS.recipientKind[recipient.kind]}: ${LABELS.recipientCategory[recipient.category]}`],
      [joined([vendorText(recipient.purpose, locale), vendorText(recipient.when, locale)], ' ')],
      [
        joined([
          countriesText(recipient.countries, locale),
          vendorText(recipient.geography, locale),
        ]) || 'Not stated',
      ],
      [
        joined(
          [
            ...(recipient.safeguards ?? []).map((s) => vendorText(s, locale)),
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
    vendorText(declaration.recipients.find((r) => r.id === id)?.name, locale);
  return {
    id: 'cookies',
    title: 'Cookies and trackers',
    blocks: [
      {
        kind: 'table',
        headers: ['Name', 'Purpose', 'Category', 'Set by', 'Where', 'Lifetime', 'Opt out', 'Notes'],
        rows: cookies.map((cookie) => [
          [vendorText(cookie.name, locale)],
          [vendorText(cookie.purpose, locale)],
          [LABELS.cookieCategory[cookie.category]],
          [
            joined([
              LABELS.cookieParty[cookie.party],
              vendorText(cookie.provider, locale),
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
          [vendorText(transfer.from, locale) || 'Not stated'],
          [
            joined([
              countriesText(transfer.to, locale),
              vendorText(transfer.toGeography, locale),
            ]) || 'Not stated',
          ],
          [LABELS.transferMechanism[transfer.mechanism]],
          [vendorText(transfer.reason, locale)],
          [notesText(transfer.notes, locale)],
        ]),
      },
    ],
  };
}
