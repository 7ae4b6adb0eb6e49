/**
 * init's starting declaration is written in the current format and says, with format 2's fields,
 * what is true of a fresh Forge app using the disclosure: its Forge storage follows the site's
 * data residency, and its Forge logs are a log the app's developers can read.
 */
import { migrate } from '@declaration/migrations.ts';
import { CURRENT_SCHEMA_VERSION } from '@declaration/schema/declaration.ts';
import { formatLocatedIssue, validateDeclarationText } from '@declaration/validate-yaml.ts';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startingDeclaration } from '../../../src/cli/init/declaration-template.ts';

const text = startingDeclaration({
  appName: 'Issue Stopwatch',
  products: ['jira', 'confluence'],
  today: '2026-12-01',
});

function validated() {
  const result = validateDeclarationText(text, 'privacy/declaration.yaml');
  if (!result.ok) throw new Error(result.issues.map(formatLocatedIssue).join('\n'));
  return result;
}

describe("init's starting declaration", () => {
  it('is written as the current schemaVersion, so no migration runs on it', () => {
    const document = parse(text) as { schemaVersion: number };
    expect(document.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const migrated = migrate(document);
    expect(migrated.ok && migrated.applied).toEqual([]);
    expect(validated().declaration.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('says personal and sensitive as values, and that Forge storage follows data residency', () => {
    const { declaration } = validated();
    const byId = new Map(declaration.dataCategories.map((category) => [category.id, category]));
    expect(byId.get('declaration-versions')).toMatchObject({ personal: 'no', sensitive: 'no' });
    expect(byId.get('review-records')).toMatchObject({ personal: 'yes', sensitive: 'no' });
    for (const category of declaration.dataCategories) {
      expect(category.storedIn).toEqual(['forge-storage']);
      expect(category.residency).toBe('in-scope');
    }
    const storage = declaration.locations.find((location) => location.id === 'forge-storage');
    expect(storage).toMatchObject({ hostedBy: 'atlassian', followsDataResidency: 'yes' });
  });

  it("lists the app's Forge logs as a log its developers read, kept by Atlassian", () => {
    const { declaration } = validated();
    expect(declaration.logs).toHaveLength(1);
    const [log] = declaration.logs!;
    expect(log).toMatchObject({ endUserData: 'may-contain', storedIn: ['forge-logs'] });
    expect(log!.readableBy?.join(' ')).toMatch(/developers.*Forge developer console/);
    const place = declaration.locations.find((location) => location.id === 'forge-logs');
    expect(place).toMatchObject({ hostedBy: 'atlassian', platforms: ['cloud'] });
  });

  it("says the account ids in reviews go to Atlassian's personal data reporting weekly, and are erased when an account closes", () => {
    const { declaration } = validated();
    const reviews = declaration.dataCategories.find(
      (category) => category.id === 'review-records',
    )!;
    expect(reviews.recipients).toEqual(['atlassian-personal-data-reporting']);
    expect(declaration.recipients).toEqual([
      expect.objectContaining({
        id: 'atlassian-personal-data-reporting',
        kind: 'recipient',
        category: 'platform',
        when: expect.stringMatching(/^Once a week: every account id in the review records/),
      }),
    ]);
    expect(reviews.retention.description).toMatch(/erased sooner, when .* account is closed/);
    expect(reviews.handling?.notes?.join(' ')).toMatch(/Once a week, a Forge scheduled trigger/);
    // Nothing else the disclosure stores goes anywhere.
    for (const category of declaration.dataCategories.filter((c) => c !== reviews)) {
      expect(category.recipients).toEqual([]);
    }
    const rights = declaration.rights.regimes === 'not-stated' ? [] : declaration.rights.regimes;
    expect(rights[0]!.rights.map((right) => right.right)).toEqual(['access', 'erasure']);
  });
});
