import type { Translator } from '../i18n/index.ts';
import type { DataCategory, Declaration, Recipient, StorageLocation } from '../schema/index.ts';
import { joinedList, run, sentences } from './blocks.ts';
import { hasText, say, sayPlural, textOf } from './compose.ts';
import type { Inline } from './model.ts';
import { joinedComma, locationName, placeParts, recipientWhere } from './references.ts';

/**
 * The picture of where data goes, as a graph: the site the app is installed in, the app's own
 * storage locations (with their backups) and the recipients, with an arrow for each flow and
 * what it carries. Renderers lay it out (`data-flow-layout.ts`); the list of flows is its text
 * equivalent, built from the same graph.
 */

/** How a place stands to the site's data residency, as far as the declaration says. */
export type ResidencyStanding = 'follows' | 'outside' | 'partly-outside';

/** The site, a storage location of the app's, or a recipient. */
export interface DataFlowNode {
  /** `site`, `location-<id>` or `recipient-<id>`. */
  id: string;
  kind: 'site' | 'location' | 'recipient';
  name: Inline;
  /** Provider and country of a location, a recipient's countries, what the site is. */
  where: Inline;
  /** What arrives here, briefly: "Stores: Account Data, Session Data and 3 more". */
  what: Inline;
  /** Where a location's backups are: "Backups: Rsync.net, Zurich (Switzerland)". */
  backups: Inline;
  residency?: ResidencyStanding;
  /** The residency standing in words, empty without one. */
  mark: Inline;
}

/** An arrow: the kinds of data that go from one node to another. */
export interface DataFlowEdge {
  from: string;
  to: string;
  categories: Inline[];
  /** Some of it leaves the site's data residency (dashed, and said in words). */
  outside: boolean;
}

/** The diagram of where data goes, with its text equivalent. */
export interface DataFlowBlock {
  kind: 'data-flow';
  /** The picture's accessible name. */
  title: string;
  nodes: DataFlowNode[];
  edges: DataFlowEdge[];
  /** The label of the text equivalent. */
  listLabel: string;
  /** The text equivalent: one line per arrow and per backup place, from the same graph. */
  items: Inline[];
  /** The words for a dashed line, when something is outside the site's data residency. */
  legend: Inline;
}

/** How many kinds of data a box names before "and N more", and in about how many characters. */
const BRIEF = 2;
const BRIEF_LENGTH = 48;

const OUTSIDE_RESIDENCY = new Set(['global', 'excluded']);

function isOutside(category: DataCategory): boolean {
  return OUTSIDE_RESIDENCY.has(category.residency ?? '');
}

/** Every location a category is stored in, on any platform. */
function storedAt(category: DataCategory): Set<string> {
  return new Set([
    ...(category.storedIn ?? []),
    ...(category.platformDifferences ?? []).flatMap((difference) => difference.storedIn ?? []),
  ]);
}

/** The recipients a category goes to: those it names, and those that keep it instead. */
function receivedBy(category: DataCategory): Set<string> {
  return new Set([...(category.recipients ?? []), ...(category.handling?.storedOnlyBy ?? [])]);
}

/** "all" when every category is outside, "some" when some are, else none. */
function standingOf(categories: DataCategory[]): ResidencyStanding | undefined {
  const outside = categories.filter(isOutside).length;
  if (outside === 0) return undefined;
  return outside === categories.length ? 'outside' : 'partly-outside';
}

function locationStanding(
  location: StorageLocation,
  categories: DataCategory[],
): ResidencyStanding | undefined {
  if (location.followsDataResidency === 'no') return 'outside';
  const byCategory = standingOf(categories);
  if (byCategory) return byCategory;
  // Forge-hosted storage follows the site's pin unless the vendor says otherwise.
  if (
    location.followsDataResidency === 'yes' ||
    (location.hostedBy === 'atlassian' && location.followsDataResidency === undefined)
  ) {
    return 'follows';
  }
  return undefined;
}

const MARK_KEYS = {
  follows: 'dataFlow.follows',
  outside: 'dataFlow.outside',
  'partly-outside': 'dataFlow.partlyOutside',
} as const;

function mark(translator: Translator, standing: ResidencyStanding | undefined): Inline {
  return standing ? [translator.t(MARK_KEYS[standing])] : [];
}

/**
 * Names in a list, briefly: as many as fit in about `BRIEF_LENGTH` characters (at least one, at
 * most `BRIEF`), then "N more".
 */
function brief(translator: Translator, names: Inline[]): Inline {
  let shown = 0;
  let length = 0;
  for (const name of names.slice(0, BRIEF)) {
    length += textOf(name).length;
    if (shown > 0 && length > BRIEF_LENGTH) break;
    shown++;
  }
  if (names.length === shown || (names.length === shown + 1 && shown === BRIEF)) {
    return joinedList(translator, names);
  }
  const more = sayPlural(translator, 'dataFlow.more', names.length - shown);
  return joinedList(translator, [...names.slice(0, shown), more]);
}

function categoryNames(categories: DataCategory[], translator: Translator): Inline[] {
  return categories.map((category) => run(category.name, translator.locale)).filter(hasText);
}

function backupPlace(
  declaration: Declaration,
  location: StorageLocation,
  translator: Translator,
): Inline {
  const backups = location.backups;
  if (!backups) return [];
  const locale = translator.locale;
  const held = declaration.locations.find((other) => other.id === backups.location);
  return joinedComma(translator, [
    held ? locationName(held, translator) : run(backups.provider, locale),
    ...(held ? [] : placeParts(backups.country, run(backups.geography, locale), translator)),
  ]);
}

function locationNode(
  declaration: Declaration,
  location: StorageLocation,
  translator: Translator,
): DataFlowNode {
  const locale = translator.locale;
  const categories = declaration.dataCategories.filter((c) => storedAt(c).has(location.id));
  const backupOf = declaration.locations.filter((other) => other.backups?.location === location.id);
  const names = categoryNames(categories, translator);
  const what =
    names.length > 0
      ? say(translator, 'dataFlow.stores', { categories: brief(translator, names) })
      : backupOf.length > 0
        ? say(translator, 'dataFlow.backupsOf', {
            locations: joinedList(
              translator,
              backupOf.map((other) => locationName(other, translator)),
            ),
          })
        : run(location.holds, locale);
  const place = backupPlace(declaration, location, translator);
  const standing = locationStanding(location, categories);
  const name = locationName(location, translator);
  return {
    id: `location-${location.id}`,
    kind: 'location',
    name,
    where: joinedComma(
      translator,
      unsaid(name, [
        run(location.provider, locale),
        ...placeParts(location.country, run(location.geography, locale), translator),
      ]),
    ),
    what,
    backups: hasText(place) ? say(translator, 'dataFlow.backups', { place }) : [],
    ...(standing ? { residency: standing } : {}),
    mark: mark(translator, standing),
  };
}

function recipientNode(
  declaration: Declaration,
  recipient: Recipient,
  translator: Translator,
): DataFlowNode {
  const categories = declaration.dataCategories.filter((c) => receivedBy(c).has(recipient.id));
  const names = categoryNames(categories, translator);
  const standing = standingOf(categories);
  return {
    id: `recipient-${recipient.id}`,
    kind: 'recipient',
    name: run(recipient.name, translator.locale),
    where: joinedList(translator, recipientWhere(recipient, translator)),
    what:
      names.length > 0
        ? say(translator, 'dataFlow.receives', { categories: brief(translator, names) })
        : [],
    backups: [],
    ...(standing ? { residency: standing } : {}),
    mark: mark(translator, standing),
  };
}

/**
 * The arrows: the site to each location, with the kinds of data stored there; to each recipient
 * from the locations that store what it receives, or from the site for what no location stores.
 */
function edgesOf(
  declaration: Declaration,
): Map<string, { from: string; to: string; categories: DataCategory[] }> {
  const edges = new Map<string, { from: string; to: string; categories: DataCategory[] }>();
  const add = (from: string, to: string, category: DataCategory) => {
    const key = `${from} ${to}`;
    const edge = edges.get(key) ?? { from, to, categories: [] };
    if (!edge.categories.includes(category)) edge.categories.push(category);
    edges.set(key, edge);
  };
  const locationIds = new Set(declaration.locations.map((location) => location.id));
  const recipientIds = new Set(declaration.recipients.map((recipient) => recipient.id));
  for (const location of declaration.locations) {
    for (const category of declaration.dataCategories) {
      if (storedAt(category).has(location.id)) add('site', `location-${location.id}`, category);
    }
  }
  for (const recipient of declaration.recipients) {
    for (const category of declaration.dataCategories) {
      if (!receivedBy(category).has(recipient.id) || !recipientIds.has(recipient.id)) continue;
      const sources = [...storedAt(category)].filter((id) => locationIds.has(id));
      // In the locations' order, so that the arrows come out in the same order every time.
      const ordered = declaration.locations.filter((location) => sources.includes(location.id));
      if (ordered.length === 0) add('site', `recipient-${recipient.id}`, category);
      for (const location of ordered) {
        add(`location-${location.id}`, `recipient-${recipient.id}`, category);
      }
    }
  }
  return edges;
}

/** The diagram of where the declaration's data goes, in the reader's language. */
export function dataFlowBlock(declaration: Declaration, translator: Translator): DataFlowBlock {
  const site: DataFlowNode = {
    id: 'site',
    kind: 'site',
    name: [translator.t('dataFlow.site')],
    where: [translator.t('dataFlow.siteDetail')],
    what: [],
    backups: [],
    mark: [],
  };
  const nodes = [
    site,
    ...declaration.locations.map((location) => locationNode(declaration, location, translator)),
    ...declaration.recipients.map((recipient) => recipientNode(declaration, recipient, translator)),
  ];
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const raw = [...edgesOf(declaration).values()];
  const followsNot = (id: string) =>
    declaration.locations.some((l) => `location-${l.id}` === id && l.followsDataResidency === 'no');
  const edges: DataFlowEdge[] = raw.map((edge) => ({
    from: edge.from,
    to: edge.to,
    categories: categoryNames(edge.categories, translator),
    outside: followsNot(edge.to) || edge.categories.some(isOutside),
  }));
  const flowItems = raw.map((edge) => {
    const flow = say(translator, 'dataFlow.flow', {
      from:
        edge.from === 'site' ? [translator.t('dataFlow.siteInText')] : byId.get(edge.from)!.name,
      to: nodeWithPlace(translator, byId.get(edge.to)!),
      categories: joinedList(translator, categoryNames(edge.categories, translator)),
    });
    const outside = edge.categories.filter(isOutside);
    const words: Inline =
      followsNot(edge.to) || (outside.length > 0 && outside.length === edge.categories.length)
        ? [translator.t('dataFlow.outside')]
        : outside.length > 0
          ? say(translator, 'dataFlow.outsideOnly', {
              categories: joinedList(translator, categoryNames(outside, translator)),
            })
          : [];
    return sentences(translator, flow, words);
  });
  const backupItems = declaration.locations.flatMap((location) => {
    const place = backupPlace(declaration, location, translator);
    return hasText(place)
      ? [
          say(translator, 'dataFlow.backupsItem', {
            location: locationName(location, translator),
            place,
          }),
        ]
      : [];
  });
  const unreached = nodes
    .filter(
      (node) =>
        node.kind !== 'site' &&
        !edges.some((edge) => edge.to === node.id) &&
        !declaration.locations.some((l) => `location-${l.backups?.location}` === node.id),
    )
    .map((node) => nodeWithPlace(translator, node));
  return {
    kind: 'data-flow',
    title: translator.t('dataFlow.title'),
    nodes,
    edges,
    listLabel: translator.t('dataFlow.listLabel'),
    items: [
      ...flowItems,
      ...backupItems,
      ...unreached.map((node) => say(translator, 'dataFlow.noFlow', { place: node })),
    ],
    legend:
      edges.some((edge) => edge.outside) ||
      nodes.some((node) => node.residency?.includes('outside'))
        ? [translator.t('dataFlow.legend')]
        : [],
  };
}

/** "Rsync.net, Zurich (Switzerland)": a node and where it is. */
function nodeWithPlace(translator: Translator, node: DataFlowNode): Inline {
  return hasText(node.where)
    ? say(translator, 'value.withDetail', { value: node.name, detail: node.where })
    : node.name;
}

/** The parts of a place that its name does not say already ("Belgium" in "Exalate Cloud, Belgium"). */
function unsaid(name: Inline, parts: Inline[]): Inline[] {
  const said = textOf(name);
  return parts.filter((part) => hasText(part) && !said.includes(textOf(part)));
}

/** The diagram, when there is a place or a recipient to draw; nothing otherwise. */
export function dataFlowBlocks(declaration: Declaration, translator: Translator): DataFlowBlock[] {
  if (declaration.locations.length === 0 && declaration.recipients.length === 0) return [];
  return [dataFlowBlock(declaration, translator)];
}
