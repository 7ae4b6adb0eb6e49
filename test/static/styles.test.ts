import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import dark from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js';
import light from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light.js';
import shape from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-shape.js';
import spacing from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing.js';
import typography from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography.js';
import { repoRoot } from './examples.ts';

const css = readFileSync(join(repoRoot, 'static/disclosure/src/styles.css'), 'utf8');
const defined = (themeCss: string) => new Set(themeCss.match(/--ds-[\w-]+(?=:)/g) ?? []);
const used = [...new Set(css.match(/var\(--ds-[\w-]+/g)?.map((v) => v.slice(4)) ?? [])];

test('every colour in the page stylesheet is a design token defined in light and dark', () => {
  const inLight = defined(light);
  const inDark = defined(dark);
  const other = new Set([...defined(spacing), ...defined(typography), ...defined(shape)]);
  expect(used.length).toBeGreaterThan(20);
  for (const name of used) {
    const ok = (inLight.has(name) && inDark.has(name)) || other.has(name);
    expect(ok, `${name} is not a design token`).toBe(true);
  }
  // No colour literals: hex, rgb(), hsl() or named colours would not follow the theme.
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  expect(withoutComments).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i);
  expect(withoutComments).not.toMatch(/:\s*(white|black|red|blue|green|gray|grey)\s*;/i);
});

test('the stylesheet has a print version and visible keyboard focus', () => {
  expect(css).toMatch(/@media print\s*{[\s\S]*\.section-index[\s\S]*display: none/);
  expect(css).toMatch(/:focus-visible\s*{\s*outline:/);
});
