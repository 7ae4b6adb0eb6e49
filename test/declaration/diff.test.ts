import { diffDeclarations, type Declaration, type DiffEntry } from '@declaration';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../examples/load-example.ts';

const exalate = loadExample('examples/exalate-cloud.yaml');
const techtime = loadExample('examples/techtime-user-management.yaml');

const brief = (entries: DiffEntry[]) =>
  entries.map((entry) => `${entry.section} ${entry.kind} ${entry.key}`);

function edited(edit: (next: Declaration) => void): Declaration {
  const next = structuredClone(exalate);
  edit(next);
  return next;
}

describe('diffDeclarations', () => {
  it('finds nothing between a declaration and itself, even with lists reordered', () => {
    const reordered = edited((next) => {
      next.purposes.reverse();
      next.dataCategories.reverse();
      next.recipients.reverse();
    });
    const diff = diffDeclarations(exalate, reordered, { from: 1, to: 2 });
    expect(diff).toEqual({
      from: 1,
      to: 2,
      entries: [],
      counts: { added: 0, removed: 0, changed: 0 },
    });
  });

  it('reports a changed retention under retention, with the fields that differ', () => {
    const category = exalate.dataCategories[0]!;
    const next = edited((d) => {
      d.dataCategories[0]!.retention = { basis: 'fixed-period', period: 'P2Y', after: 'uninstall' };
    });
    const diff = diffDeclarations(exalate, next, { from: 3, to: 4 });
    expect(brief(diff.entries)).toEqual([`retention changed ${category.id}`]);
    const [entry] = diff.entries;
    expect(entry!.label).toBe(typeof category.name === 'string' ? category.name : category.name.en);
    expect(entry!.fields).toContainEqual({
      path: 'basis',
      before: category.retention.basis,
      after: 'fixed-period',
    });
    expect(entry!.fields).toContainEqual({
      path: 'period',
      before: category.retention.period ?? null,
      after: 'P2Y',
    });
  });

  it('reports recipients and locations added, removed and changed, and purposes renamed', () => {
    const [firstRecipient, secondRecipient] = exalate.recipients;
    const location = exalate.locations[0]!;
    const next = edited((d) => {
      d.recipients = d.recipients.filter((r) => r.id !== firstRecipient!.id);
      for (const category of d.dataCategories) {
        category.recipients = category.recipients?.filter((id) => id !== firstRecipient!.id);
      }
      d.recipients.find((r) => r.id === secondRecipient!.id)!.countries = ['DE', 'US'];
      d.recipients.push({
        id: 'mixpanel',
        name: 'Mixpanel',
        kind: 'subprocessor',
        category: 'analytics',
        purpose: 'Product analytics',
        countries: ['US'],
      });
      d.locations[0]!.country = 'IE';
      d.purposes[0]!.name = 'Run the synchronisation service';
    });
    const diff = diffDeclarations(exalate, next, { from: 1, to: 2 });
    const lines = brief(diff.entries);
    expect(lines).toContain(`recipients removed ${firstRecipient!.id}`);
    expect(lines).toContain(`recipients changed ${secondRecipient!.id}`);
    expect(lines).toContain('recipients added mixpanel');
    expect(lines).toContain(`locations changed ${location.id}`);
    expect(lines).toContain(`purposes changed ${exalate.purposes[0]!.id}`);
    const changedRecipient = diff.entries.find((e) => e.key === secondRecipient!.id)!;
    expect(changedRecipient.fields).toEqual([
      { path: 'countries', before: secondRecipient!.countries ?? null, after: ['DE', 'US'] },
    ]);
    expect(diff.counts.added).toBe(1);
    expect(diff.counts.removed).toBe(1);
    expect(diff.counts.added + diff.counts.removed + diff.counts.changed).toBe(diff.entries.length);
  });

  it('reports rights regimes and rights fields that change', () => {
    const next = edited((d) => {
      d.rights.regimes.push({ regime: 'ccpa', rights: [{ right: 'opt-out-of-sale' }] });
      d.rights.responseTime = 'P14D';
    });
    const lines = brief(diffDeclarations(exalate, next, { from: 1, to: 2 }).entries);
    expect(lines).toEqual(expect.arrayContaining(['rights changed rights', 'rights added ccpa']));
  });

  it('compares two different vendors section by section', () => {
    const diff = diffDeclarations(techtime, exalate, { from: 1, to: 2 });
    const sections = new Set(diff.entries.map((entry) => entry.section));
    for (const section of ['vendor', 'app', 'policy', 'purposes', 'dataCategories', 'recipients']) {
      expect(sections).toContain(section);
    }
    expect(diff.counts.added).toBeGreaterThan(0);
    expect(diff.counts.removed).toBeGreaterThan(0);
  });
});
