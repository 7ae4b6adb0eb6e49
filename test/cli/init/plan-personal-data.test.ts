/**
 * What init plans for the disclosure's weekly personal data report: a function with handler
 * privacy-disclosure.personalData, a scheduledTrigger that calls it every week, and the scope
 * report:personal-data; once each, beside what the vendor wrote, with keys nothing else uses.
 * Pure: no files.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planManifest } from '../../../src/cli/init/manifest/plan-manifest.ts';
import { readManifest } from '../../../src/cli/init/manifest/read-manifest.ts';
import { fixtureManifest, linesNotKeptInOrder, onlyAdds } from './helpers.ts';

function plan(source: string) {
  const read = readManifest(source);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const result = planManifest(read.manifest);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

function problems(source: string) {
  const read = readManifest(source);
  if (!read.ok) return read.problems;
  const result = planManifest(read.manifest);
  return result.ok ? [] : result.problems;
}

type Entry = Record<string, unknown> & { key: string };

function modules(text: string): Record<string, Entry[]> {
  return parse(text).modules;
}

/** The function of the report and the scheduled triggers that call it. */
function report(text: string): { fn: Entry; triggers: Entry[] } {
  const fn = modules(text).function!.find((f) => f.handler === 'privacy-disclosure.personalData')!;
  const triggers = (modules(text).scheduledTrigger ?? []).filter((t) => t.function === fn.key);
  return { fn, triggers };
}

describe('the weekly personal data report', () => {
  it('adds its function, a weekly scheduledTrigger and report:personal-data, and says so', () => {
    const source = fixtureManifest('jsm-request-checklist');
    const { text, changes, permissionChanges } = plan(source);
    const { fn, triggers } = report(text);
    expect(fn.key).toBe('disclosure-accounts');
    expect(triggers).toEqual([
      {
        key: 'privacy-disclosure-personal-data',
        function: 'disclosure-accounts',
        interval: 'week',
      },
    ]);
    expect(parse(text).permissions.scopes).toContain('report:personal-data');
    expect(changes).toEqual(
      expect.arrayContaining([
        'function disclosure-accounts: the personal data report of the account ids in reviews',
        'scheduledTrigger privacy-disclosure-personal-data: every week, reports the account ids in reviews and erases those of closed accounts',
        'scope report:personal-data',
      ]),
    );
    // A new scope makes a version an admin must accept.
    expect(permissionChanges).toContain('scope report:personal-data');
    expect(text).toContain(
      "  scheduledTrigger:\n    # Privacy Disclosure: the weekly personal data report (Atlassian's cycle is 7 days)\n    - key: privacy-disclosure-personal-data\n      function: disclosure-accounts\n      interval: week\n",
    );
    expect(onlyAdds(parse(source), parse(text))).toEqual([]);
  });

  it("adds one more entry to the app's own scheduledTrigger list, in its list style", () => {
    const source = fixtureManifest('release-radar');
    const { text } = plan(source);
    expect(modules(text).scheduledTrigger!.map((t) => t.key)).toEqual([
      'nightly-forecast',
      'privacy-disclosure-personal-data',
    ]);
    // The file writes its lists unindented; the added entry follows the vendor's.
    expect(text).toContain(
      "  - key: nightly-forecast\n    function: forecast\n    interval: day\n  # Privacy Disclosure: the weekly personal data report (Atlassian's cycle is 7 days)\n  - key: privacy-disclosure-personal-data\n",
    );
    expect(linesNotKeptInOrder(source, text)).toEqual([]);
  });

  it('gives its function and trigger keys that nothing else uses', () => {
    const source = fixtureManifest('release-radar')
      .replace('key: nightly-forecast', 'key: privacy-disclosure-personal-data')
      .replace('key: forecast', 'key: disclosure-accounts')
      .replace('function: forecast', 'function: disclosure-accounts');
    const { text } = plan(source);
    const { fn, triggers } = report(text);
    expect(fn.key).toBe('disclosure-accounts-2');
    expect(triggers.map((t) => t.key)).toEqual(['privacy-disclosure-personal-data-2']);
    // The vendor's own trigger still calls the vendor's own function.
    expect(modules(text).scheduledTrigger![0]).toEqual({
      key: 'privacy-disclosure-personal-data',
      function: 'disclosure-accounts',
      interval: 'day',
    });
    // Forge's limit on a function key is 23 characters.
    expect(fn.key.length).toBeLessThanOrEqual(23);
  });

  it('knows its function and trigger by handler and function, whatever their keys became', () => {
    const once = plan(fixtureManifest('confluence-glossary')).text;
    const renamed = once
      .replace(/disclosure-accounts/g, 'legal-report')
      .replace('privacy-disclosure-personal-data', 'legal-weekly');
    const again = plan(renamed);
    expect(again.text).toBe(renamed);
    expect(again.changes).toEqual([]);
  });

  it('adds the trigger its function lost, and nothing else', () => {
    const once = plan(fixtureManifest('uikit-issue-panel')).text;
    const lost = once.replace(/\n {2}scheduledTrigger:\n( {4}.*\n)+?(?= {2}\S)/, '\n');
    expect(parse(lost).modules.scheduledTrigger).toBeUndefined();
    const again = plan(lost);
    expect(again.changes).toEqual([
      expect.stringMatching(/^scheduledTrigger privacy-disclosure-personal-data: every week/),
    ]);
    expect(report(again.text).triggers).toHaveLength(1);
  });

  it('keeps a trigger the vendor set to another interval, and says what the declaration says', () => {
    const once = plan(fixtureManifest('existing-admin-page')).text;
    const daily = once.replace(
      /(key: privacy-disclosure-personal-data\n {6}function: disclosure-accounts\n {6}interval: )week/,
      '$1day',
    );
    expect(report(daily).triggers[0]!.interval).toBe('day');
    const again = plan(daily);
    expect(again.text).toBe(daily);
    expect(again.notes.join('\n')).toMatch(
      /scheduledTrigger privacy-disclosure-personal-data runs the personal data report every day; init keeps it\. .*set interval: week/,
    );
  });

  it('refuses a scheduledTrigger that is not a list, with where', () => {
    const source = fixtureManifest('release-radar').replace(
      / {2}scheduledTrigger:\n( {2}[- ] .*\n)+/,
      '  scheduledTrigger: nightly\n',
    );
    expect(problems(source)).toEqual([
      expect.objectContaining({
        line: source.split('\n').indexOf('  scheduledTrigger: nightly') + 1,
        message: 'modules.scheduledTrigger must be a list of modules',
      }),
    ]);
  });
});
