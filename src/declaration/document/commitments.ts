import type { Declaration } from '../schema/index.ts';
import { LABELS } from '../present/labels.ts';
import { describeDuration } from '../present/retention.ts';
import { vendorText } from '../export/vendor-text.ts';
import { facts, joined, link, listOf, notesBlock, type Block, type Section } from './model.ts';

/** What is explicitly not collected, and the vendor's promises. */
export function notCollectedSection(declaration: Declaration, locale: string): Section | null {
  const items = declaration.notCollected ?? [];
  if (items.length === 0) return null;
  return {
    id: 'not-collected',
    title: 'Not collected',
    blocks: [
      {
        kind: 'list',
        items: items.map((item) => [
          joined(
            [
              vendorText(item.what, locale),
              item.platforms?.length
                ? `(${joined(item.platforms.map((p) => LABELS.platform[p]))})`
                : '',
              item.exceptions ? `Except: ${vendorText(item.exceptions, locale)}` : '',
              ...(item.notes ?? []).map((note) => vendorText(note, locale)),
            ],
            ' ',
          ),
        ]),
      },
    ],
  };
}

/** Promises the vendor makes. */
export function commitmentsSection(declaration: Declaration, locale: string): Section | null {
  const commitments = declaration.commitments ?? [];
  if (commitments.length === 0) return null;
  return { id: 'commitments', title: 'Commitments', blocks: [listOf(commitments, locale)] };
}

/** People's rights, per legal regime, and how to use them. */
export function rightsSection(declaration: Declaration, locale: string): Section {
  const rights = declaration.rights;
  const regimes: Block[] = rights.regimes.map((regime) => ({
    kind: 'subsection',
    title: LABELS.regime[regime.regime],
    blocks: [
      facts([['Who has these rights', vendorText(regime.appliesTo, locale)]]),
      {
        kind: 'list',
        items: regime.rights.map((right) => [
          joined([LABELS.right[right.right], vendorText(right.description, locale)], ': '),
        ]),
      },
      ...notesBlock(regime.notes, locale),
    ],
  }));
  return {
    id: 'rights',
    title: 'Your rights and how to use them',
    blocks: [
      ...regimes,
      facts([
        ['How to use them', vendorText(rights.howToExercise, locale)],
        ['Where requests go', link(rights.contact)],
        ['Answered within', rights.responseTime && describeDuration(rights.responseTime)],
        ['About response times', vendorText(rights.responseTimeDescription, locale)],
        ['Complaints', vendorText(rights.complaints, locale)],
      ]),
      ...notesBlock(rights.notes, locale),
    ],
  };
}

/** Security measures and certifications. */
export function securitySection(declaration: Declaration, locale: string): Section | null {
  const security = declaration.security;
  if (!security) return null;
  const blocks: Block[] = [];
  if (security.measures?.length) {
    blocks.push({
      kind: 'subsection',
      title: 'Measures',
      blocks: [listOf(security.measures, locale)],
    });
  }
  if (security.certifications?.length) {
    blocks.push({
      kind: 'subsection',
      title: 'Certifications',
      blocks: [
        {
          kind: 'list',
          items: security.certifications.map((certification) => {
            const name = vendorText(certification.name, locale);
            const notes = joined(
              (certification.notes ?? []).map((n) => vendorText(n, locale)),
              ' ',
            );
            return [...(link(certification.url, name) ?? [name]), ...(notes ? [` ${notes}`] : [])];
          }),
        },
      ],
    });
  }
  blocks.push(facts([['Incidents', vendorText(security.incidentNotification, locale)]]));
  if (security.disclaimers?.length) {
    blocks.push({
      kind: 'subsection',
      title: 'Limits',
      blocks: [listOf(security.disclaimers, locale)],
    });
  }
  blocks.push(...notesBlock(security.notes, locale));
  return { id: 'security', title: 'Security', blocks };
}

/** Who at the vendor can see customer data. */
export function vendorAccessSection(declaration: Declaration, locale: string): Section | null {
  const access = declaration.vendorAccess;
  if (!access) return null;
  return {
    id: 'vendor-access',
    title: 'Who at the vendor can see your data',
    blocks: [
      facts([
        ['Who', vendorText(access.who, locale)],
        [
          'When',
          joined(
            (access.when ?? []).map((w) => vendorText(w, locale)),
            '; ',
          ),
        ],
        ['Contractors', vendorText(access.contractors, locale)],
      ]),
      ...notesBlock(access.notes, locale),
    ],
  };
}
