import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Declaration } from '@declaration';
import { dataFlowBlock, type DataFlowBlock } from '@declaration/document/data-flow.ts';
import { textOf } from '@declaration/document/index.ts';
import { example, repoRoot } from '../../static/examples.ts';
import { loadDeclaration } from '../export/load.ts';
import { sectionOf, translator } from './section-reading.ts';

const EXAMPLES = readdirSync(join(repoRoot, 'examples'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

/** Exalate with every field of format 2 filled in (seed 002). */
const complete = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

function flowOf(declaration: Declaration, locale = 'en-US'): DataFlowBlock {
  return dataFlowBlock(declaration, translator(locale));
}

/** A node's lines as a reader reads them. */
function read(block: DataFlowBlock, id: string) {
  const node = block.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return {
    name: textOf(node.name),
    where: textOf(node.where),
    what: textOf(node.what),
    backups: textOf(node.backups),
    mark: textOf(node.mark),
  };
}

/** Each arrow as "from -> to: kinds of data". */
function arrows(block: DataFlowBlock): string[] {
  return block.edges.map(
    (edge) => `${edge.from} -> ${edge.to}: ${edge.categories.map(textOf).join(', ')}`,
  );
}

describe('the data-flow graph', () => {
  it.each([
    ...EXAMPLES.map((name) => [name, example(name)] as const),
    ['exalate-complete', complete] as const,
  ])('%s: the site, every location and every recipient, by name', (_, declaration) => {
    const block = flowOf(declaration);
    expect(block.nodes.map((node) => node.id)).toEqual([
      'site',
      ...declaration.locations.map((location) => `location-${location.id}`),
      ...declaration.recipients.map((recipient) => `recipient-${recipient.id}`),
    ]);
    for (const node of block.nodes) expect(textOf(node.name)).not.toBe('');
    // Every arrow joins two nodes of the picture, and goes down the page: site, hosting, recipients.
    const order = new Map(block.nodes.map((node, index) => [node.id, index]));
    for (const edge of block.edges) {
      expect(order.get(edge.from)).toBeLessThan(order.get(edge.to)!);
    }
  });

  it('opens "Where data lives", before the location cards', () => {
    const blocks = sectionOf(example('exalate-cloud'), 'where-data-lives')!.blocks;
    expect(blocks[0]?.kind).toBe('data-flow');
    expect(blocks[1]?.kind).toBe('heading');
  });

  it('Exalate Cloud: the site to each location with what it stores; each location to the recipients of what it holds', () => {
    const block = flowOf(example('exalate-cloud'));
    expect(read(block, 'location-google-cloud-europe-west1')).toEqual({
      name: 'Google Cloud, Europe-West1 (Belgium)',
      // The provider and the country are in the name already.
      where: '',
      what: 'Stores: Account Data, Operation Data, and 3 more',
      backups: 'Backups: Rsync.net, Zurich (Switzerland)',
      mark: 'Partly outside the site’s data residency',
    });
    expect(arrows(block)).toEqual(
      expect.arrayContaining([
        'site -> location-exalate-support-systems: Support Data',
        'location-exalate-support-systems -> recipient-google-cloud: Support Data',
        'location-google-cloud-europe-west1 -> recipient-support-subcontractors: Operation Data, Customer Uploaded Data, Session Data, Support Data',
      ]),
    );
    expect(read(block, 'recipient-rsync-net')).toMatchObject({
      where: 'Switzerland',
      what: 'Receives: Account Data, Operation Data, and 3 more',
    });
  });

  it('Exalate complete: a location that does not follow residency, one partly outside, backups at a declared location', () => {
    const block = flowOf(complete);
    expect(read(block, 'location-exalate-cloud-belgium')).toEqual({
      name: 'Exalate Cloud, Belgium',
      where: 'Google Cloud, Europe',
      what: 'Stores: Operation Data, Account Data, and Session tokens',
      backups: 'Backups: Rsync.net, Zurich',
      mark: 'Outside the site’s data residency',
    });
    expect(read(block, 'location-rsync-zurich')).toMatchObject({
      what: 'Holds backups of Exalate Cloud, Belgium',
      mark: 'Outside the site’s data residency',
    });
    // Operation data is excluded from residency, account data in scope.
    expect(read(block, 'location-customer-database').mark).toBe(
      'Partly outside the site’s data residency',
    );
    const outside = block.edges.filter((edge) => edge.outside).map((edge) => edge.to);
    expect(outside).toEqual(expect.arrayContaining(['location-exalate-cloud-belgium']));
    expect(block.legend.map(String)).toEqual([
      'Dashed lines and borders: outside the site’s data residency',
    ]);
    // A problem report is kept only by Google Cloud, which receives it from the site itself.
    expect(arrows(block)).toContain('site -> recipient-google-cloud: Problem reports');
  });

  it('the text equivalent: a line per arrow and per backup place, saying what is outside residency', () => {
    const items = flowOf(complete).items.map(textOf);
    expect(items).toContain(
      'From your Atlassian site to Exalate Cloud, Belgium (Google Cloud, Europe): Operation Data, Account Data, and Session tokens. Outside the site’s data residency',
    );
    expect(items).toContain(
      "From your Atlassian site to The customer's Jira database: Operation Data, Account Data, and Session tokens. Outside the site’s data residency: Operation Data",
    );
    expect(items).toContain('Exalate Cloud, Belgium keeps its backups at Rsync.net, Zurich');
    // The backup location is reached by the backups, not "no data".
    expect(items.filter((item) => item.includes('names no data'))).toEqual([]);
  });

  it('without storage locations, the recipients get their data from the site; one that gets none is said so', () => {
    const declaration = example('open-source-consulting-apps');
    const block = flowOf(declaration);
    expect(new Set(block.edges.map((edge) => edge.from))).toEqual(new Set(['site']));
    const named = new Set(
      declaration.dataCategories.flatMap((category) => category.recipients ?? []),
    );
    expect(block.edges.map((edge) => edge.to).sort()).toEqual(
      [...named].map((id) => `recipient-${id}`).sort(),
    );
    expect(block.items.map(textOf)).toContain(
      'Slack: the declaration names no data that goes here',
    );
  });

  it('TechTime: what no location stores goes from the site to its recipients', () => {
    expect(arrows(flowOf(example('techtime-user-management')))).toEqual(
      expect.arrayContaining([
        'site -> recipient-atlassian: Base application runtime information (item 2)',
        'site -> recipient-mixpanel: How the products are used (MixPanel)',
        'location-service-desk -> recipient-bank: Atlassian Marketplace order information (item 4)',
      ]),
    );
  });

  it('speaks the reader’s language', () => {
    const block = flowOf(complete, 'de-DE');
    expect(block.title).toBe('Wohin Daten gehen');
    expect(read(block, 'site').name).toBe('Ihre Atlassian-Site');
    expect(read(block, 'location-exalate-cloud-belgium').mark).toBe(
      'Außerhalb der Datenresidenz der Site',
    );
    expect(read(block, 'recipient-rsync-net').where).toBe('Schweiz');
  });

  it('draws nothing when there is neither a location nor a recipient', () => {
    const bare = { ...complete, locations: [], recipients: [] };
    const blocks = sectionOf(bare, 'where-data-lives')!.blocks;
    expect(blocks.map((block) => block.kind)).not.toContain('data-flow');
  });
});
