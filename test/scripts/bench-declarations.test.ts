import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDeclaration, type Declaration } from '@declaration';
import {
  grownDeclaration,
  largestBySize,
  subprocessorPool,
  versionHistory,
} from '../../scripts/bench-declarations.ts';
import { example, repoRoot } from '../static/examples.ts';

const names = readdirSync(join(repoRoot, 'examples'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -'.yaml'.length));
const examples = names.map((name) => example(name));
const techtime = example('techtime-user-management');
const pool = subprocessorPool(examples);

/** The declaration's problems, each as "path: message"; none for a valid one. */
function problems(declaration: Declaration): string[] {
  const result = parseDeclaration(JSON.parse(JSON.stringify(declaration)));
  return result.ok ? [] : result.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const subprocessors = (declaration: Declaration) =>
  declaration.recipients.filter((recipient) => recipient.kind === 'subprocessor');

describe('the largest example', () => {
  test('is chosen by bytes among examples/*.yaml', () => {
    const files = names.map((name) => ({
      name: `${name}.yaml`,
      bytes: statSync(join(repoRoot, 'examples', `${name}.yaml`)).size,
    }));
    const largest = largestBySize(files);
    expect(files.every((file) => file.bytes <= largest.bytes)).toBe(true);
    expect(largest.name).toBe('techtime-user-management.yaml');
  });

  test('of equal sizes, the first by name; with no example, an error', () => {
    expect(
      largestBySize([
        { name: 'b.yaml', bytes: 10 },
        { name: 'a.yaml', bytes: 10 },
      ]).name,
    ).toBe('a.yaml');
    expect(() => largestBySize([])).toThrow('There is no example declaration to measure.');
  });
});

describe('the subprocessor pool', () => {
  test("holds every example's subprocessors, each name once", () => {
    const expected = new Set(
      examples.flatMap((declaration) =>
        subprocessors(declaration).map((recipient) => JSON.stringify(recipient.name).toLowerCase()),
      ),
    );
    expect(pool.map((recipient) => JSON.stringify(recipient.name).toLowerCase())).toEqual([
      ...expected,
    ]);
    expect(pool.every((recipient) => recipient.kind === 'subprocessor')).toBe(true);
  });
});

describe('the grown declaration', () => {
  const grown = grownDeclaration(techtime, pool, { dataCategories: 300, subprocessors: 100 });

  test('has 300 data categories and 100 subprocessors, and is valid', () => {
    expect(grown.dataCategories).toHaveLength(300);
    expect(subprocessors(grown)).toHaveLength(100);
    expect(problems(grown)).toEqual([]);
  });

  test("keeps the example's own entries first and unchanged", () => {
    expect(grown.dataCategories.slice(0, techtime.dataCategories.length)).toEqual(
      techtime.dataCategories,
    );
    expect(grown.recipients.slice(0, techtime.recipients.length)).toEqual(techtime.recipients);
    expect(grown.purposes).toEqual(techtime.purposes);
  });

  test("adds the other examples' real subprocessors, and each copied category names one", () => {
    const added = grown.recipients.slice(techtime.recipients.length);
    const poolNames = pool.map((recipient) => recipient.name);
    expect(poolNames).toContain(added[0]!.name);
    const copies = grown.dataCategories.slice(techtime.dataCategories.length);
    const addedIds = new Set(added.map((recipient) => recipient.id));
    expect(copies.every((category) => category.recipients!.some((id) => addedIds.has(id)))).toBe(
      true,
    );
  });

  test('a base with no data category cannot grow', () => {
    expect(() =>
      grownDeclaration({ ...techtime, dataCategories: [] }, pool, {
        dataCategories: 300,
        subprocessors: 100,
      }),
    ).toThrow('The base declaration has no data category to grow from.');
  });
});

describe('the history of 100 versions', () => {
  const history = versionHistory(techtime, pool, 100);

  test('ends with the example itself, each version valid and different from the one before', () => {
    expect(history).toHaveLength(100);
    expect(history.at(-1)).toBe(techtime);
    history.forEach((declaration, index) => {
      expect(problems(declaration), `version ${index + 1}`).toEqual([]);
      if (index > 0)
        expect(JSON.stringify(declaration), `version ${index + 1}`).not.toBe(
          JSON.stringify(history[index - 1]),
        );
    });
  });

  test('is dated a week apart, oldest first, and some versions list a subprocessor later dropped', () => {
    expect(history[98]!.policy.lastUpdated).toBe('2026-11-15');
    expect(history[0]!.policy.lastUpdated).toBe('2024-12-29');
    const withFormer = history.filter(
      (declaration) => declaration.recipients.length > techtime.recipients.length,
    );
    expect(withFormer).toHaveLength(24);
  });

  test('needs at least one version', () => {
    expect(() => versionHistory(techtime, pool, 0)).toThrow(
      'A history needs at least one version, not 0.',
    );
  });
});
