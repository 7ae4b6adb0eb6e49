import type { Translator } from '../i18n/index.ts';
import { labels } from '../present/labels.ts';
import { countryName } from '../present/localize.ts';
import { describeRetentionBriefly } from '../present/retention.ts';
import { policyVersionText } from '../present/stated.ts';
import { briefRetentionKey, summarize, type AtAGlance } from '../present/summary.ts';
import type { Declaration, Text } from '../schema/index.ts';
import { definitions, run, words } from './blocks.ts';
import { listOf, say, sayPlural } from './compose.ts';
import { formatDate } from './format.ts';
import type { Inline, Section } from './model.ts';

/** Countries (in the reader's words) and then the places the vendor gave in words. */
function places(codes: string[], geographies: Text[], translator: Translator): Inline {
  return listOf(translator, [
    ...codes.map((code) => [countryName(code, translator.locale)]),
    ...geographies.map((geography) => run(geography, translator.locale)),
  ]);
}

function personalLines(glance: AtAGlance, translator: Translator): Inline[] {
  if (glance.categories === 0) return [[translator.t('summary.nothingCollected')]];
  return [
    glance.collectsPersonalData
      ? sayPlural(translator, 'summary.personalYes', glance.categories, {
          personal: glance.personalCategories,
        })
      : [translator.t('summary.personalNo')],
    glance.sensitiveCategories === 0
      ? [translator.t('summary.noSensitive')]
      : sayPlural(translator, 'summary.sensitive', glance.sensitiveCategories),
  ];
}

function hostingLines(
  declaration: Declaration,
  glance: AtAGlance,
  translator: Translator,
): Inline[] {
  const { hosting } = glance;
  if (declaration.locations.length === 0) return [[translator.t('summary.notStored')]];
  const hostedIn = places(hosting.countries, hosting.geographies, translator);
  const backupsIn = places(hosting.backupCountries, hosting.backupGeographies, translator);
  return [
    hostedIn.length > 0 ? hostedIn : [translator.t('summary.whereNotStated')],
    backupsIn.length > 0 ? say(translator, 'summary.backupsIn', { places: backupsIn }) : [],
    [translator.t(hosting.onAtlassianOnly ? 'summary.onAtlassian' : 'summary.notOnAtlassian')],
    [translator.t(`summary.residency.${hosting.dataResidency}`)],
  ];
}

function retentionLines(glance: AtAGlance, translator: Translator): Inline[] {
  if (glance.categories === 0) return [[translator.t('summary.nothingCollected')]];
  const { longest, typical, notStated } = glance.retention;
  if (!longest) return [[translator.t('summary.noRetentionStated')]];
  const brief = (retention: typeof longest) => describeRetentionBriefly(retention, translator);
  return [
    say(translator, notStated > 0 ? 'summary.longestStated' : 'summary.longest', {
      retention: brief(longest),
    }),
    typical && briefRetentionKey(typical) !== briefRetentionKey(longest)
      ? say(translator, 'summary.typical', { retention: brief(typical) })
      : [],
    notStated > 0 ? sayPlural(translator, 'summary.retentionNotStated', notStated) : [],
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

/** The nutrition label: the facts a reader needs in ten seconds, before any detail. */
export function glanceSection(declaration: Declaration, translator: Translator): Section {
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
        ['summary.retention', retentionLines(glance, translator), 'glance-retention'],
        ['summary.subprocessors', subprocessorLines(glance, translator), 'glance-subprocessors'],
        [
          'summary.platforms',
          [
            listOf(
              translator,
              labels(translator, 'platform', glance.platforms).map((p) => [p]),
            ),
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
