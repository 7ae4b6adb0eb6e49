import { describe, expect, it } from 'vitest';
import type { Declaration } from '@declaration';
import { glanceSection } from '@declaration/document/glance.ts';
import type { Inline } from '@declaration/document/model.ts';
import {
  createTranslator,
  ENGLISH,
  loadCatalogue,
  type Translator,
} from '@declaration/i18n/index.ts';
import { loadExample } from '../../examples/load-example.ts';

const complete = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');
const techtime = loadExample('test/declaration/present/fixtures/techtime-user-management.yaml');

function text(run: Inline): string {
  return run
    .map((part) =>
      typeof part === 'string' ? part : part.kind === 'link' ? text(part.text) : part.text,
    )
    .join('');
}

/** The at-a-glance cards as plain lines, by their test id (`glance-hosting`). */
function glance(declaration: Declaration, translator: Translator = ENGLISH) {
  const cards: Record<string, string[]> = {};
  for (const block of glanceSection(declaration, translator).blocks) {
    if (block.kind !== 'definitions') continue;
    for (const item of block.items) cards[item.key ?? text(item.term)] = item.details.map(text);
  }
  return cards;
}

function edited(from: Declaration, edit: (next: Declaration) => void): Declaration {
  const next = structuredClone(from);
  edit(next);
  return next;
}

describe('the at-a-glance label claims no more than the declaration', () => {
  it('says "may contain" and "not stated" apart from "personal" (exalate-complete)', () => {
    const personal = glance(complete)['glance-personal'];
    expect(personal).toEqual([
      'Yes: 1 of 4 kinds of data are personal',
      // Problem reports.
      '1 kind of data may contain personal data',
      'Not stated whether 1 kind of data is personal',
      '1 kind of data may contain sensitive data',
      'Not stated whether 1 kind of data is sensitive',
    ]);
  });

  it('never says "no personal data" while some kinds of data do not say (TechTime, seed 000)', () => {
    const silent = edited(techtime, (next) =>
      next.dataCategories.forEach((category) => (category.personal = 'not-stated')),
    );
    const personal = glance(silent)['glance-personal']!;
    expect(personal).toContain('Not stated whether 4 kinds of data are personal');
    expect(personal).not.toContain('No personal data collected');
    const none = edited(techtime, (next) =>
      next.dataCategories.forEach((category) => (category.personal = 'no')),
    );
    expect(glance(none)['glance-personal']).toContain('No personal data collected');
  });

  it('says "not stored" only where every kind of data says so, not for an unstated retention', () => {
    // TechTime without its locations: where the data lives is simply not said.
    const unsaid = edited(techtime, (next) => {
      next.locations = [];
      next.dataCategories.forEach((category) => delete category.storedIn);
    });
    expect(glance(unsaid)['glance-hosting']).toEqual(['The policy does not say where']);
    const transient = edited(unsaid, (next) =>
      next.dataCategories.forEach((category) => (category.retention = { basis: 'not-stored' })),
    );
    expect(glance(transient)['glance-hosting']).toEqual(['Not stored anywhere']);
    const emptyStoredIn = edited(unsaid, (next) =>
      next.dataCategories.forEach((category) => (category.storedIn = [])),
    );
    expect(glance(emptyStoredIn)['glance-hosting']).toEqual(['Not stored anywhere']);
  });

  it('names the recipient that keeps what the app itself does not store', () => {
    const processedOnly = edited(complete, (next) => {
      next.locations = [];
      next.placement = [];
      next.logs = [];
      next.dataCategories.forEach((category) => {
        category.storedIn = [];
        delete category.platformDifferences;
        category.retention = { basis: 'not-stored' };
      });
    });
    expect(glance(processedOnly)['glance-hosting']).toEqual([
      'Not stored by the app; kept by Google Cloud',
    ]);
  });

  it('names what does not follow data residency (exalate-complete)', () => {
    expect(glance(complete)['glance-hosting']).toEqual([
      'Belgium and Switzerland',
      // The app stores the rest itself: this is no "not stored by the app".
      'Kept only by Google Cloud: Problem reports',
      "Leaves Atlassian's infrastructure",
      'Partly follows your data residency',
      'Excluded from data residency: Operation Data',
      'Stored where your data residency does not apply: Exalate Cloud, Belgium',
      // Session tokens, and the problem reports Google Cloud keeps.
      'Not stated for 2 kinds of data',
    ]);
  });

  it('says "follows" only when all stored data is in scope and kept where the pin says', () => {
    const forge = edited(complete, (next) => {
      next.locations = [
        { id: 'forge-storage', hostedBy: 'atlassian', followsDataResidency: 'yes' },
      ];
      next.placement = [];
      next.logs = [];
      next.dataCategories.forEach((category) => {
        category.storedIn = ['forge-storage'];
        category.residency = 'in-scope';
        delete category.platformDifferences;
        delete category.retention.backups;
        delete category.handling?.storedOnlyBy;
      });
    });
    expect(glance(forge)['glance-hosting']).toEqual([
      'The policy does not say where',
      "Stays on Atlassian's infrastructure",
      'Follows your data residency',
    ]);
    // Problem reports only Google Cloud keeps are not on Atlassian, in scope as they may say.
    const keptByGoogle = edited(forge, (next) => {
      const reports = next.dataCategories.find((category) => category.id === 'problem-reports')!;
      reports.storedIn = [];
      reports.handling = { storedOnlyBy: ['google-cloud'] };
    });
    expect(glance(keptByGoogle)['glance-hosting']).toEqual([
      'The policy does not say where',
      'Kept only by Google Cloud: Problem reports',
      "Leaves Atlassian's infrastructure",
      'Follows your data residency',
    ]);
    const oneGlobal = edited(forge, (next) => (next.dataCategories[1]!.residency = 'global'));
    expect(glance(oneGlobal)['glance-hosting']).toEqual([
      'The policy does not say where',
      "Stays on Atlassian's infrastructure",
      'Partly follows your data residency',
      'Kept in one place for every site: Account Data',
    ]);
  });

  it('reads residency from the places holding personal data in a version-1 file (TechTime)', () => {
    const v1 = edited(techtime, (next) => {
      next.locations = [
        { id: 'forge-storage', hostedBy: 'atlassian', followsDataResidency: 'yes' },
        { id: 'analytics', hostedBy: 'vendor', country: 'US', followsDataResidency: 'no' },
      ];
      next.dataCategories.forEach(
        (category) =>
          (category.storedIn = [category.personal === 'yes' ? 'forge-storage' : 'analytics']),
      );
      // The non-personal usage data is kept outside the pin; the personal data follows it.
      next.dataCategories.find((category) => category.id === 'product-usage')!.retention = {
        basis: 'while-installed',
      };
    });
    expect(glance(v1)['glance-hosting']).toContain('Follows your data residency');
    const mixed = edited(v1, (next) => (next.dataCategories[0]!.storedIn = ['analytics']));
    expect(glance(mixed)['glance-hosting']).toEqual(
      expect.arrayContaining([
        'Partly follows your data residency',
        expect.stringMatching(/^Stored where your data residency does not apply: /),
      ]),
    );
  });

  it('gives an at-least period as the longest in words that keep it open-ended', () => {
    const atLeast = edited(complete, (next) => {
      next.dataCategories.forEach(
        (category) =>
          (category.retention = {
            basis: 'fixed-period',
            period: 'P1Y',
            bound: 'at-most',
            after: 'collection',
          }),
      );
      next.dataCategories[2]!.retention = {
        basis: 'fixed-period',
        period: 'PT1H',
        bound: 'at-least',
        after: 'collection',
      };
      next.dataCategories.forEach((category) => delete category.platformDifferences);
    });
    expect(glance(atLeast)['glance-retention']![0]).toBe(
      'Longest: Kept at least 1 hour after collection',
    );
  });

  it('gives the longest backup lifetime and what backups keep after deletion, with bounds', () => {
    const retention = glance(complete)['glance-retention']!;
    expect(retention).toContain('Backups kept at least 30 days');
    // On Data Center, "at least 14 days" has no end: it outranks Cloud's "up to 90 days".
    expect(retention).toContain('Backups hold data at least 14 days after deletion');
    const cloudOnly = edited(
      complete,
      (next) => delete next.dataCategories[0]!.platformDifferences,
    );
    expect(glance(cloudOnly)['glance-retention']).toContain(
      'Backups hold data up to 90 days after deletion',
    );
  });

  it('says which logs hold end-user data, and when none does', () => {
    expect(glance(complete)['glance-logs']).toEqual([
      '1 log',
      'May contain end-user data: Application logs',
    ]);
    const clean = edited(complete, (next) => (next.logs![0]!.endUserData = 'no'));
    expect(glance(clean)['glance-logs']).toEqual(['1 log', 'No end-user data in the logs']);
    const none = edited(complete, (next) => delete next.logs);
    expect(glance(none)['glance-logs']).toBeUndefined();
  });

  it('names the platforms the declaration does not cover', () => {
    expect(glance(complete)['glance-platforms']).toEqual(['Cloud', 'Not covered: Server']);
  });

  it('says all of it in German', async () => {
    const de = createTranslator('de-DE', await loadCatalogue('de-DE'));
    const cards = glance(complete, de);
    expect(cards['glance-personal']).toContain(
      'Für 1 Datenart nicht angegeben, ob sie personenbezogen ist',
    );
    expect(cards['glance-hosting']).toContain('Von der Datenresidenz ausgenommen: Operation Data');
    expect(cards['glance-retention']).toContain('Sicherungskopien mindestens 30 Tage aufbewahrt');
    expect(cards['glance-logs']).toContain('Können Endbenutzerdaten enthalten: Application logs');
  });
});
