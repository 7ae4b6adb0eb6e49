/**
 * After init, `validate` and `build` both say that the declaration is still init's starting one,
 * in the same words at the same place, once each: the warning comes from the core's validation.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { run } from '../../../src/cli/main.ts';
import { captureIo, copyFixture, fakeUi } from './helpers.ts';

const ui = fakeUi();
const app = copyFixture('existing-admin-page');
afterAll(() => [ui, app].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const WARNING =
  ":1:1  warning: this is still init's starting declaration; make it true for your app and delete its first line before you deploy\n";

it("validate and build both warn that the declaration is still init's starting one", async () => {
  expect(await runInit(['--dir', app, '--ui', ui], captureIo(), { today: '2026-12-01' })).toBe(0);
  const declaration = join(app, 'privacy/declaration.yaml');

  const validate = captureIo();
  expect(await run(['validate', declaration], validate)).toBe(0);
  expect(validate.err()).toContain(`${declaration}${WARNING}`);
  expect(validate.out()).toMatch(/1 valid, 0 invalid \(\d+ warnings?\)/);

  const build = captureIo();
  expect(await runBuild(['--dir', app, '--ui', ui], build)).toBe(0);
  expect(build.err().split(WARNING)).toHaveLength(2);
  expect(build.err()).toContain(`privacy/declaration.yaml${WARNING}`);
});
