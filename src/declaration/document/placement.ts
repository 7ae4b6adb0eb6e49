import type { Translator } from '../i18n/index.ts';
import { label, labels } from '../present/labels.ts';
import type { Declaration, PlacementRule } from '../schema/index.ts';
import { definitions, headed, joinedList, labelled, notes, run } from './blocks.ts';
import { say } from './compose.ts';
import type { Block, Inline } from './model.ts';
import { categoriesByIds, locationNames } from './references.ts';

/** "EU: Exalate Cloud, Belgium", a line per realm the rule maps. */
function realmLines(declaration: Declaration, rule: PlacementRule, translator: Translator) {
  return (rule.realms ?? []).map((entry) =>
    say(translator, 'value.realmTo', {
      realm: label(translator, 'realm', entry.realm),
      location: joinedList(translator, locationNames(declaration, [entry.location], translator)),
    }),
  );
}

/** The data a rule places: its categories by name, or all data in scope of residency. */
function placedData(declaration: Declaration, rule: PlacementRule, translator: Translator): Inline {
  if (!rule.categories) return [translator.t('value.allInScopeData')];
  return joinedList(
    translator,
    categoriesByIds(declaration, rule.categories).map((category) =>
      run(category.name, translator.locale),
    ),
  );
}

/** One rule as a card: how it picks, the places, whom it applies to and what it places. */
function ruleCard(
  declaration: Declaration,
  rule: PlacementRule,
  index: number,
  translator: Translator,
): Block {
  const locale = translator.locale;
  const block: Block = {
    kind: 'heading',
    text: [label(translator, 'placementRule', rule.rule)],
    key: `placement-${index + 1}`,
    card: true,
    blocks: [
      ...definitions(translator, [
        ['label.realms', realmLines(declaration, rule, translator)],
        [
          'label.unpinned',
          joinedList(
            translator,
            locationNames(declaration, rule.unpinned ? [rule.unpinned] : [], translator),
          ),
        ],
        [
          'label.placementLocations',
          joinedList(translator, locationNames(declaration, rule.locations, translator)),
        ],
        [
          'label.appliesTo',
          [
            rule.appliesTo ? [label(translator, 'placementAppliesTo', rule.appliesTo)] : [],
            labelled(
              translator,
              'label.existingInstallations',
              run(rule.existingInstallations, locale),
            ),
          ],
        ],
        ['label.placesData', placedData(declaration, rule, translator)],
        [
          'label.platforms',
          joinedList(
            translator,
            labels(translator, 'platform', rule.platforms ?? []).map((name) => [name]),
          ),
        ],
        ['label.placementWords', run(rule.description, locale)],
      ]),
      ...notes(translator, rule.notes, locale),
    ],
  };
  if (rule.platforms) block.platforms = rule.platforms;
  return block;
}

/**
 * "How the place is chosen": a card per placement rule (by the site's pinned realm, nearest to
 * each user, or one fixed place), after the locations it chooses among; nothing without rules.
 */
export function placementBlocks(declaration: Declaration, translator: Translator): Block[] {
  return headed(
    translator,
    'label.placement',
    (declaration.placement ?? []).map((rule, index) =>
      ruleCard(declaration, rule, index, translator),
    ),
  );
}
