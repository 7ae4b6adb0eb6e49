import type { MessageKey, PluralKey, Translator } from '../i18n/index.ts';
import { labels } from '../present/labels.ts';
import { countryName } from '../present/localize.ts';
import { describeDuration, describeRetentionBriefly } from '../present/retention.ts';
import { policyVersionText } from '../present/stated.ts';
import {
  briefRetentionKey,
  summarize,
  type AtAGlance,
  type ResidencyGlance,
  type StatusCounts,
} from '../present/summary.ts';
import type { PublishedManifestFacts } from '../manifest/published.ts';
import type { Declaration, Text } from '../schema/index.ts';
import { definitions, run, words } from './blocks.ts';
import { listOf, say, sayPlural } from './compose.ts';
import { formatDate } from './format.ts';
import { manifestLines } from './glance-manifest.ts';
import { locationName } from './references.ts';
import type { Inline, Section } from './model.ts';

/** Countries (in the reader's words) and then the places the vendor gave in words. */
function places(codes: string[], geographies: Text[], translator: Translator): Inline {
  return listOf(translator, [
    ...codes.map((code) => [countryName(code, translator.locale)]),
    ...geographies.map((geography) => run(geography, translator.locale)),
  ]);
}

/** The lines of one status (personal or sensitive): what is, what may be, what is not stated. */
function statusLines(
  counts: StatusCounts,
  translator: Translator,
  keys: { yes: Inline; none: MessageKey; mayContain: PluralKey; notStated: PluralKey },
): Inline[] {
  const nothingClaimed = counts.yes + counts.mayContain + counts.notStated === 0;
  return [
    counts.yes > 0 ? keys.yes : [],
    counts.mayContain > 0 ? sayPlural(translator, keys.mayContain, counts.mayContain) : [],
    counts.notStated > 0 ? sayPlural(translator, keys.notStated, counts.notStated) : [],
    // "None" only when every kind of data says so, not when some say nothing.
    nothingClaimed ? [translator.t(keys.none)] : [],
  ];
}

function personalLines(glance: AtAGlance, translator: Translator): Inline[] {
  if (glance.categories === 0) return [[translator.t('summary.nothingCollected')]];
  return [
    ...statusLines(glance.personal, translator, {
      yes: sayPlural(translator, 'summary.personalYes', glance.categories, {
        personal: glance.personal.yes,
      }),
      none: 'summary.personalNo',
      mayContain: 'summary.personalMayContain',
      notStated: 'summary.personalNotStated',
    }),
    ...statusLines(glance.sensitive, translator, {
      yes: sayPlural(translator, 'summary.sensitive', glance.sensitive.yes),
      none: 'summary.noSensitive',
      mayContain: 'summary.sensitiveMayContain',
      notStated: 'summary.sensitiveNotStated',
    }),
  ];
}

/** Names of the items with these ids, as the vendor wrote them, in declaration order. */
function named(items: { id: string; name?: Text }[], ids: string[], locale: string): Inline[] {
  return items
    .filter((item) => ids.includes(item.id))
    .map((item) => run(item.name ?? item.id, locale));
}

/** Which data does not follow the pin, named: kinds of data kept globally or excluded, places. */
function residencyLines(
  declaration: Declaration,
  residency: ResidencyGlance,
  translator: Translator,
): Inline[] {
  const { locale } = translator;
  const categories = (ids: string[]) =>
    listOf(translator, named(declaration.dataCategories, ids, locale));
  const locations = listOf(
    translator,
    declaration.locations
      .filter((location) => residency.notFollowing.includes(location.id))
      .map((location) => locationName(location, translator)),
  );
  return [
    [translator.t(`summary.residency.${residency.state}`)],
    residency.global.length > 0
      ? say(translator, 'summary.residencyGlobal', { items: categories(residency.global) })
      : [],
    residency.excluded.length > 0
      ? say(translator, 'summary.residencyExcluded', { items: categories(residency.excluded) })
      : [],
    locations.length > 0
      ? say(translator, 'summary.residencyNotFollowing', { items: locations })
      : [],
    residency.state !== 'not-stated' && residency.notStated.length > 0
      ? sayPlural(translator, 'summary.residencyNotStatedFor', residency.notStated.length)
      : [],
  ];
}

function hostingLines(
  declaration: Declaration,
  glance: AtAGlance,
  translator: Translator,
): Inline[] {
  const { hosting } = glance;
  const { locale } = translator;
  const recipients = (ids: string[]) =>
    listOf(translator, named(declaration.recipients, ids, locale));
  if (hosting.notStored) return [[translator.t('summary.notStored')]];
  if (!hosting.storedByApp && hosting.storedOnlyBy.length > 0) {
    return [
      say(translator, 'summary.storedOnlyBy', { recipients: recipients(hosting.storedOnlyBy) }),
    ];
  }
  // Beside what the app stores, what only a recipient keeps is named with who keeps it.
  const keptOnlyBy = hosting.keptOnlyBy.map((group) =>
    say(translator, 'summary.keptOnlyBy', {
      recipients: recipients(group.recipients),
      items: listOf(translator, named(declaration.dataCategories, group.categories, locale)),
    }),
  );
  if (declaration.locations.length === 0) {
    return [[translator.t('summary.whereNotStated')], ...keptOnlyBy];
  }
  const hostedIn = places(hosting.countries, hosting.geographies, translator);
  const backupsIn = places(hosting.backupCountries, hosting.backupGeographies, translator);
  return [
    hostedIn.length > 0 ? hostedIn : [translator.t('summary.whereNotStated')],
    backupsIn.length > 0 ? say(translator, 'summary.backupsIn', { places: backupsIn }) : [],
    ...keptOnlyBy,
    [translator.t(hosting.onAtlassianOnly ? 'summary.onAtlassian' : 'summary.notOnAtlassian')],
    ...residencyLines(declaration, hosting.residency, translator),
  ];
}

/** "Backups kept at least 1 month", the sentence chosen by the period's bound. */
function backupLines(glance: AtAGlance, translator: Translator): Inline[] {
  const { backups, backupsAfterDeletion } = glance.retention;
  return [
    backups
      ? say(translator, `summary.backupsKept.${backups.bound}`, {
          duration: describeDuration(backups.period, translator),
        })
      : [],
    backupsAfterDeletion
      ? say(translator, `summary.backupsAfterDeletion.${backupsAfterDeletion.bound}`, {
          duration: describeDuration(backupsAfterDeletion.period, translator),
        })
      : [],
  ];
}

function retentionLines(glance: AtAGlance, translator: Translator): Inline[] {
  if (glance.categories === 0) return [[translator.t('summary.nothingCollected')]];
  const { longest, typical, notStated } = glance.retention;
  if (!longest)
    return [[translator.t('summary.noRetentionStated')], ...backupLines(glance, translator)];
  const brief = (retention: typeof longest) => describeRetentionBriefly(retention, translator);
  return [
    say(translator, notStated > 0 ? 'summary.longestStated' : 'summary.longest', {
      retention: brief(longest),
    }),
    typical && briefRetentionKey(typical) !== briefRetentionKey(longest)
      ? say(translator, 'summary.typical', { retention: brief(typical) })
      : [],
    notStated > 0 ? sayPlural(translator, 'summary.retentionNotStated', notStated) : [],
    ...backupLines(glance, translator),
  ];
}

/** What goes into logs, the first thing an admin asks: which logs hold end-user data. */
function logLines(declaration: Declaration, glance: AtAGlance, translator: Translator): Inline[] {
  const { logs } = glance;
  if (logs.count === 0) return [];
  const names = (ids: string[]) =>
    listOf(translator, named(declaration.logs ?? [], ids, translator.locale));
  const withoutEndUserData =
    logs.endUserData.length + logs.mayContainEndUserData.length + logs.notStated === 0;
  return [
    sayPlural(translator, 'summary.logCount', logs.count),
    logs.endUserData.length > 0
      ? say(translator, 'summary.logsEndUserData', { logs: names(logs.endUserData) })
      : [],
    logs.mayContainEndUserData.length > 0
      ? say(translator, 'summary.logsMayContain', { logs: names(logs.mayContainEndUserData) })
      : [],
    logs.notStated > 0 ? sayPlural(translator, 'summary.logsNotStated', logs.notStated) : [],
    withoutEndUserData ? [translator.t('summary.logsNoEndUserData')] : [],
  ];
}

function subprocessorLines(glance: AtAGlance, translator: Translator): Inline[] {
  const { subprocessors, recipients } = glance;
  return [
    subprocessors.count === 0
      ? [translator.t('summary.noSubprocessors')]
      : sayPlural(translator, 'summary.subprocessorCount', subprocessors.count),
    subprocessors.countries.length > 0
      ? say(translator, 'summary.inCountries', {
          countries: places(subprocessors.countries, [], translator),
        })
      : [],
    subprocessors.withoutCountry > 0
      ? sayPlural(translator, 'summary.withoutCountry', subprocessors.withoutCountry)
      : [],
    recipients > subprocessors.count
      ? sayPlural(translator, 'summary.otherRecipients', recipients - subprocessors.count)
      : [],
  ];
}

/**
 * The nutrition label: the facts a reader needs in ten seconds, before any detail. Given the
 * version's manifest facts (null: published without them), "Checked against the app's manifest"
 * stands beside where the vendor says it is hosted; without them (an export of a file) it is left
 * out.
 */
export function glanceSection(
  declaration: Declaration,
  translator: Translator,
  manifest?: PublishedManifestFacts | null,
): Section {
  const glance = summarize(declaration, translator.locale);
  const version = policyVersionText(glance.policyVersion, translator);
  return {
    id: 'at-a-glance',
    title: translator.t('section.atAGlance'),
    blocks: definitions(
      translator,
      [
        ['summary.personalData', personalLines(glance, translator), 'glance-personal'],
        ['summary.hosted', hostingLines(declaration, glance, translator), 'glance-hosting'],
        [
          'summary.manifest',
          manifest === undefined ? [] : manifestLines(manifest, translator),
          'glance-manifest',
        ],
        ['summary.retention', retentionLines(glance, translator), 'glance-retention'],
        ['summary.logs', logLines(declaration, glance, translator), 'glance-logs'],
        ['summary.subprocessors', subprocessorLines(glance, translator), 'glance-subprocessors'],
        [
          'summary.platforms',
          [
            listOf(
              translator,
              labels(translator, 'platform', glance.platforms).map((p) => [p]),
            ),
            glance.notCovered.length > 0
              ? say(translator, 'summary.notCovered', {
                  platforms: listOf(
                    translator,
                    labels(translator, 'platform', glance.notCovered).map((p) => [p]),
                  ),
                })
              : [],
          ],
          'glance-platforms',
        ],
        [
          'summary.version',
          [
            glance.policyVersion === 'not-stated' ? [version] : words(version),
            [formatDate(glance.lastUpdated, translator)],
          ],
          'glance-version',
        ],
      ],
      'summary',
    ),
  };
}
