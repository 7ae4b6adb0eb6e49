/**
 * What init plans for a manifest, case by case: Forge's limits on admin and global pages, keys
 * that are taken, routes, products where reviews cannot be checked, app.compatibility, and the
 * shapes of YAML a vendor may have written. Pure: no files.
 */
import { parse, stringify } from 'yaml';
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

type Module = Record<string, unknown> & { key: string };

function modules(text: string): Record<string, Module[]> {
  return parse(text).modules;
}

function ours(text: string, type: string): Module[] {
  const resolver = modules(text).function!.find((f) => f.handler === 'privacy-disclosure.handler')!;
  return (modules(text)[type] ?? []).filter(
    (m) => (m.resolver as { function?: string } | undefined)?.function === resolver.key,
  );
}

describe('Jira pages within Forge limits', () => {
  it('adds an admin page and a global page to a Jira app that has neither', () => {
    const { text, adminModuleKeys } = plan(fixtureManifest('jsm-request-checklist'));
    expect(ours(text, 'jira:adminPage')).toEqual([
      expect.objectContaining({
        key: 'privacy-disclosure-jira-admin-page',
        title: 'Privacy disclosure',
      }),
    ]);
    expect(ours(text, 'jira:adminPage')[0]).not.toHaveProperty('useAsGetStarted');
    expect(ours(text, 'jira:globalPage')).toHaveLength(1);
    expect(adminModuleKeys).toEqual({
      jira: ['privacy-disclosure-jira-admin-page'],
      confluence: [],
    });
  });

  it("keeps the app's own admin page and makes the disclosure's its Get started page", () => {
    const source = fixtureManifest('existing-admin-page');
    const { text, notes, adminModuleKeys } = plan(source);
    expect(modules(text)['jira:adminPage']![0]).toEqual(modules(source)['jira:adminPage']![0]);
    expect(ours(text, 'jira:adminPage')).toEqual([
      expect.objectContaining({ useAsGetStarted: true }),
    ]);
    expect(adminModuleKeys.jira).toEqual([ours(text, 'jira:adminPage')[0]!.key]);
    expect(notes.join('\n')).toMatch(/one jira:adminPage .*smart-labels-settings.*Get started/s);
  });

  it('adds no Jira admin page when the app has both a sidebar and a Get started page', () => {
    const source = fixtureManifest('existing-admin-page').replace(
      '      title: Smart Labels settings\n',
      '      title: Smart Labels settings\n    - key: smart-labels-welcome\n      resource: settings-ui\n      title: Welcome to Smart Labels\n      useAsGetStarted: true\n',
    );
    const { text, notes, adminModuleKeys } = plan(source);
    expect(ours(text, 'jira:adminPage')).toEqual([]);
    expect(adminModuleKeys.jira).toEqual([]);
    expect(notes.join('\n')).toMatch(/No Jira admin page was added/);
    // Without an admin page nothing checks a Jira admin, so no admin scope is asked for: only the
    // personal data report's, which every app with the disclosure needs, and the user look-up's
    // that names reviewers on its global page.
    expect(parse(text).permissions.scopes).toEqual([
      ...parse(source).permissions.scopes,
      'report:personal-data',
      'read:jira-user',
    ]);
  });

  it('adds no second jira:globalPage (Forge allows one per app) and says so', () => {
    const { text, notes } = plan(fixtureManifest('release-radar'));
    expect(modules(text)['jira:globalPage']!.map((m) => m.key)).toEqual(['release-radar-global']);
    expect(notes.join('\n')).toMatch(/No jira:globalPage was added: Forge allows one per app/);
  });

  it('asks for read:jira-user, the scope of GET /rest/api/3/user/bulk that names reviewers, once', () => {
    const { text } = plan(fixtureManifest('uikit-issue-panel'));
    const scopes = parse(text).permissions.scopes as string[];
    expect(scopes.filter((scope) => scope === 'read:jira-user')).toHaveLength(1);
    expect(text).toContain(
      '# Privacy Disclosure: GET /rest/api/3/user/bulk from its page, to show reviewers by name\n',
    );
    const again = plan(text);
    expect(again.changes).not.toContain('scope read:jira-user');
  });

  it('asks for read:jira-work, the scope of GET /rest/api/3/mypermissions, once', () => {
    const fromNothing = plan(fixtureManifest('compass-scorecards').replace(/compass:/g, 'jira:'));
    expect(parse(fromNothing.text).permissions.scopes).toContain('read:jira-work');
    const already = plan(fixtureManifest('uikit-issue-panel'));
    const scopes = parse(already.text).permissions.scopes as string[];
    expect(scopes.filter((scope) => scope === 'read:jira-work')).toHaveLength(1);
  });
});

describe('Confluence and Compass', () => {
  it('adds settings for admins and a global page with a free route to a Confluence app', () => {
    const source = fixtureManifest('confluence-glossary').replace(
      'route: glossary',
      'route: privacy',
    );
    const { text, adminModuleKeys } = plan(source);
    expect(ours(text, 'confluence:globalSettings')).toHaveLength(1);
    expect(ours(text, 'confluence:globalPage')).toEqual([
      expect.objectContaining({ route: 'privacy-disclosure' }),
    ]);
    expect(adminModuleKeys.confluence).toEqual([ours(text, 'confluence:globalSettings')[0]!.key]);
    expect(parse(text).permissions.scopes).toContain('read:confluence-user');
  });

  it('makes Compass reader-only, says why, and asks for no product scope', () => {
    const source = fixtureManifest('compass-scorecards');
    const { text, notes, adminModuleKeys } = plan(source);
    expect(ours(text, 'compass:globalPage')).toHaveLength(1);
    expect(ours(text, 'compass:adminPage')).toEqual([]);
    expect(adminModuleKeys).toEqual({ jira: [], confluence: [] });
    expect(notes.join('\n')).toMatch(/Compass: the disclosure is read-only there/);
    expect(parse(text).permissions.scopes).toEqual([
      ...parse(source).permissions.scopes,
      'report:personal-data',
    ]);
  });

  it('refuses an app with no module in a product the disclosure can show a page in', () => {
    const source = fixtureManifest('release-radar')
      .replace(/jira:globalPage/, 'rovo:agent')
      .replace(/jira:projectPage/, 'action');
    expect(problems(source)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/no Jira, Confluence or Compass module/),
      }),
    ]);
  });
});

describe('keys and idempotency', () => {
  it('gives its entries keys that nothing else uses, with a numeric suffix when taken', () => {
    const source = fixtureManifest('existing-admin-page')
      .replace('smart-labels-glance', 'privacy-disclosure-jira-global-page')
      .replace('key: settings-resolver', 'key: disclosure-resolver')
      .replace(/function: settings-resolver/g, 'function: disclosure-resolver')
      .replace(/settings-ui/g, 'privacy-disclosure-ui');
    const { text } = plan(source);
    expect(ours(text, 'jira:globalPage').map((m) => m.key)).toEqual([
      'privacy-disclosure-jira-global-page-2',
    ]);
    const functions = modules(text).function!.map((f) => f.key);
    expect(functions).toEqual([
      'disclosure-resolver',
      'disclosure-resolver-2',
      'disclosure-lifecycle',
      'disclosure-accounts',
    ]);
    expect(parse(text).resources.map((r: { key: string }) => r.key)).toEqual([
      'privacy-disclosure-ui',
      'privacy-disclosure-ui-2',
    ]);
  });

  it('knows its own entries by handler and resource path, whatever their keys became', () => {
    const once = plan(fixtureManifest('multi-product-links')).text;
    const renamed = once
      .replace(/privacy-disclosure-jira-admin-page/g, 'legal-admin')
      .replace(/disclosure-resolver/g, 'legal-resolver')
      .replace(/privacy-disclosure-ui/g, 'legal-ui');
    const again = plan(renamed);
    expect(again.text).toBe(renamed);
    expect(again.changes).toEqual([]);
    expect(again.adminModuleKeys.jira).toEqual(['legal-admin']);
  });

  it('adds an install or upgrade event its trigger lost, and nothing else', () => {
    const once = plan(fixtureManifest('jsm-request-checklist')).text;
    const lost = once.replace('        - avi:forge:upgraded:app\n', '');
    const again = plan(lost);
    expect(again.changes).toEqual([
      expect.stringMatching(/^trigger privacy-disclosure-publish: also on avi:forge:upgraded:app/),
    ]);
    expect(again.text).toBe(once);
  });
});

describe('app.compatibility for an app in Jira and Confluence', () => {
  const withoutCompatibility = fixtureManifest('multi-product-links').replace(
    / {2}compatibility:\n( {4}.*\n)+/,
    '',
  );

  it('keeps a compatibility the app declares', () => {
    const source = fixtureManifest('multi-product-links');
    expect(parse(plan(source).text).app.compatibility).toEqual(parse(source).app.compatibility);
  });

  it('declares one required product and the other optional when the app declares none', () => {
    const { text, notes } = plan(withoutCompatibility);
    expect(parse(text).app.compatibility).toEqual({
      jira: { required: true },
      confluence: { required: false },
    });
    expect(notes.join('\n')).toMatch(/Forge needs app\.compatibility/);
  });

  it('adds a product the compatibility leaves out as optional', () => {
    const source = withoutCompatibility.replace(
      '    name: nodejs22.x\n',
      '    name: nodejs22.x\n  compatibility:\n    jira:\n      required: true\n',
    );
    expect(parse(plan(source).text).app.compatibility).toEqual({
      jira: { required: true },
      confluence: { required: false },
    });
  });
});

describe("the vendor's YAML, as written", () => {
  it('keeps Windows line endings', () => {
    const source = fixtureManifest('uikit-issue-panel').replace(/\n/g, '\r\n');
    const { text } = plan(source);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(onlyAdds(parse(source), parse(text))).toEqual([]);
  });

  it('adds after the last line of a file without a final line break', () => {
    // Its permissions end the file, and init adds permissions.content there.
    const source = fixtureManifest('release-radar').trimEnd();
    const { text } = plan(source);
    expect(linesNotKeptInOrder(source, text)).toEqual([]);
    expect(text).toContain(`${source.split('\n').at(-1)}\n  content:\n`);
    expect(parse(text).permissions.content).toEqual({ styles: ['unsafe-inline'] });
  });

  it('creates permissions, scopes and content when the manifest has none', () => {
    const source = fixtureManifest('uikit-issue-panel').replace(
      /permissions:\n {2}scopes:\n {4}# .*\n {4}- read:jira-work\n/,
      '',
    );
    const { text } = plan(source);
    expect(parse(text).permissions).toEqual({
      scopes: ['storage:app', 'report:personal-data', 'read:jira-work', 'read:jira-user'],
      content: { styles: ['unsafe-inline'] },
    });
    expect(linesNotKeptInOrder(source, text)).toEqual([]);
  });

  it('fills a key written with no value, keeping the comment on its line', () => {
    const source = fixtureManifest('uikit-issue-panel').replace(
      / {2}scopes:\n {4}# .*\n {4}- read:jira-work\n/,
      '  scopes: # none yet\n',
    );
    const { text } = plan(source);
    expect(text).toContain('  scopes: # none yet\n');
    expect(parse(text).permissions.scopes).toEqual([
      'storage:app',
      'report:personal-data',
      'read:jira-work',
      'read:jira-user',
    ]);
  });

  it('extends flow collections in their own style', () => {
    const source = fixtureManifest('uikit-issue-panel').replace(
      /permissions:\n {2}scopes:\n {4}# .*\n {4}- read:jira-work\n/,
      'permissions: { scopes: [read:jira-work] }\n',
    );
    const { text } = plan(source);
    expect(text).toContain(
      'permissions: { scopes: [read:jira-work, storage:app, report:personal-data, read:jira-user], content: { styles: [unsafe-inline] } }\n',
    );
  });

  it('indents like a file indented by four spaces', () => {
    const source = stringify(parse(fixtureManifest('confluence-glossary')), { indent: 4 });
    const { text } = plan(source);
    expect(text).toContain(
      '        # Privacy Disclosure: the resolver of its pages (src/privacy-disclosure)\n        - key: disclosure-resolver\n          handler: privacy-disclosure.handler\n',
    );
    expect(onlyAdds(parse(source), parse(text))).toEqual([]);
  });

  it('keeps the comment after a flow list it extends', () => {
    const source = fixtureManifest('uikit-issue-panel').replace(
      / {2}scopes:\n {4}# .*\n {4}- read:jira-work\n/,
      '  scopes: [read:jira-work] # worklogs\n',
    );
    expect(plan(source).text).toContain(
      '  scopes: [read:jira-work, storage:app, report:personal-data, read:jira-user] # worklogs\n',
    );
  });

  it('puts a scope that was deleted back under the comment it left behind, once', () => {
    const once = plan(fixtureManifest('confluence-glossary')).text;
    const comment =
      '    # Privacy Disclosure: GET /wiki/rest/api/user/current, to check that a reviewer is a Confluence admin\n';
    expect(once).toContain(`${comment}    - read:confluence-user\n`);
    const deleted = once.replace(`${comment}    - read:confluence-user\n`, comment);
    const again = plan(deleted);
    expect(again.changes).toEqual(['scope read:confluence-user']);
    expect(again.text).toBe(once);
  });

  it('adds after the comments that end a list or mapping, and leaves the next key its own', () => {
    const commentedOut = '    # - write:jira-work, to log time from the panel (planned)\n';
    const source = fixtureManifest('uikit-issue-panel').replace(
      '    - read:jira-work\n',
      `    - read:jira-work\n${commentedOut}# Where it runs\n`,
    );
    const { text } = plan(source);
    // The commented-out scope stays a scope, above the one added; content comes after both.
    expect(text).toContain(
      `    - read:jira-work\n${commentedOut}    # Privacy Disclosure: Forge storage for published declaration versions and reviews\n    - storage:app\n    # Privacy Disclosure: privacy.reportPersonalData, the weekly report to Atlassian of the account ids in reviews\n    - report:personal-data\n    # Privacy Disclosure: GET /rest/api/3/user/bulk from its page, to show reviewers by name\n    - read:jira-user\n  content:\n`,
    );
    expect(text).toContain('      - unsafe-inline\n# Where it runs\napp:\n');
    expect(linesNotKeptInOrder(source, text)).toEqual([]);
  });

  it('matches the indentation and list style of the file', () => {
    const { text } = plan(fixtureManifest('release-radar'));
    expect(text).toContain(
      '  jira:adminPage:\n  # Privacy Disclosure: Jira admins read the declaration and record reviews\n  - key: privacy-disclosure-jira-admin-page\n    resource: privacy-disclosure-ui\n',
    );
  });
});

describe('manifests init cannot extend', () => {
  it.each([
    ['a wrongly indented key', 'modules:\n  jira:adminPage:\n    - key: a\n     title: b\n', 4],
    ['a key written twice', 'modules:\n  jira:issuePanel: []\nmodules:\n  macro: []\n', 3],
    ['a tab as indentation', 'modules:\n\tjira:issuePanel: []\n', 2],
    ['two documents', 'modules:\n  jira:issuePanel: []\n---\napp: {}\n', 3],
  ])('%s gives the line and column', (_what, source, line) => {
    const found = problems(source);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toEqual(expect.objectContaining({ line, column: expect.any(Number) }));
  });

  it.each([
    ['no modules', 'app:\n  id: x\n', /no "modules"/],
    ['modules as a list', 'modules:\n  - jira:issuePanel\n', /"modules" must be a block mapping/],
    [
      'a module type that is not a list',
      'modules:\n  jira:issuePanel: yes\n',
      /modules\.jira:issuePanel must be a list/,
    ],
    ['a scalar for a top level', 'just text\n', /block mapping with app, modules and permissions/],
  ])('%s is refused with a reason', (_what, source, message) => {
    expect(problems(source)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(message) }),
    ]);
  });
});
