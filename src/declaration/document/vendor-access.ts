import type { MessageKey, Translator } from '../i18n/index.ts';
import { labels } from '../present/labels.ts';
import type { AccessCircumstance, AccessGrant, Declaration } from '../schema/index.ts';
import { headed, joinedList, list, notes, paragraph, run, runs } from './blocks.ts';
import { hasText } from './compose.ts';
import type { Block, Column, Flow, Inline, Row, Section } from './model.ts';

/** What kind of access a role has; write includes read. */
const ACCESS: Record<AccessGrant['access'], MessageKey> = {
  none: 'value.access.none',
  read: 'value.access.read',
  write: 'value.access.write',
  'not-stated': 'value.access.not-stated',
};

/** When a role accesses customer data. */
const CIRCUMSTANCE: Record<AccessCircumstance, MessageKey> = {
  'support-request': 'value.circumstance.support-request',
  monitoring: 'value.circumstance.monitoring',
  maintenance: 'value.circumstance.maintenance',
  incident: 'value.circumstance.incident',
  'legal-demand': 'value.circumstance.legal-demand',
  'customer-consent': 'value.circumstance.customer-consent',
  never: 'value.circumstance.never',
  other: 'value.circumstance.other',
};

function cell(content: Inline): Flow {
  return hasText(content) ? [{ kind: 'paragraph', content }] : [];
}

/** The data a grant reaches: "All data", or the names of its categories (never their ids). */
function grantData(declaration: Declaration, grant: AccessGrant, translator: Translator): Inline {
  if (grant.categories === 'all') return [translator.t('value.allData')];
  const names = grant.categories.flatMap((id) =>
    declaration.dataCategories
      .filter((category) => category.id === id)
      .map((category) => run(category.name, translator.locale)),
  );
  return joinedList(translator, names);
}

/**
 * Which roles access which data, how and when, as a table with a row per grant. The platforms and
 * conditions columns appear only when a grant names some.
 */
function grantsTable(
  declaration: Declaration,
  grants: AccessGrant[],
  translator: Translator,
): Block[] {
  if (grants.length === 0) return [];
  const locale = translator.locale;
  const withPlatforms = grants.some((grant) => grant.platforms?.length);
  const withConditions = grants.some((grant) => hasText(run(grant.conditions, locale)));
  const columns: Column[] = [
    { label: translator.t('label.role') },
    { label: translator.t('label.accessData') },
    { label: translator.t('label.accessKind'), testId: 'access' },
    { label: translator.t('label.when') },
    ...(withPlatforms ? [{ label: translator.t('label.platforms') }] : []),
    ...(withConditions ? [{ label: translator.t('label.conditions') }] : []),
  ];
  const rows = grants.map((grant, index): Row => {
    const row: Row = {
      key: `grant-${index + 1}`,
      cells: [
        cell(run(grant.role, locale)),
        cell(grantData(declaration, grant, translator)),
        cell([translator.t(ACCESS[grant.access])]),
        cell(
          joinedList(
            translator,
            grant.circumstances.map((circumstance) => [translator.t(CIRCUMSTANCE[circumstance])]),
          ),
        ),
        ...(withPlatforms
          ? [
              cell(
                joinedList(
                  translator,
                  labels(translator, 'platform', grant.platforms ?? []).map((name) => [name]),
                ),
              ),
            ]
          : []),
        ...(withConditions ? [cell(run(grant.conditions, locale))] : []),
      ],
    };
    if (grant.platforms?.length) row.platforms = grant.platforms;
    return row;
  });
  return headed(translator, 'label.accessGrants', [
    {
      kind: 'table',
      caption: translator.t('label.accessGrants'),
      testId: 'access-grants',
      columns,
      rows,
    },
  ]);
}

/** Who at the vendor can see customer data, and when; null when the declaration does not say. */
export function vendorAccessSection(
  declaration: Declaration,
  translator: Translator,
): Section | null {
  const access = declaration.vendorAccess;
  if (!access) return null;
  const locale = translator.locale;
  return {
    id: 'vendor-access',
    title: translator.t('section.vendorAccess'),
    blocks: [
      ...headed(translator, 'label.who', paragraph(run(access.who, locale))),
      ...grantsTable(declaration, access.grants ?? [], translator),
      ...headed(translator, 'label.when', list(runs(access.when, locale))),
      ...headed(translator, 'label.contractors', paragraph(run(access.contractors, locale))),
      ...notes(translator, access.notes, locale),
    ],
  };
}
