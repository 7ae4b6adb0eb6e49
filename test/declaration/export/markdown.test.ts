import { describe, expect, it } from 'vitest';
import { toMarkdown, type Declaration } from '@declaration';
import { loadExample } from '../../examples/load-example.ts';
import { walkDeclaration } from './schema-walk.ts';

const complete = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');

/** The text a reader sees once Markdown is rendered: escapes removed, entities decoded. */
function rendered(markdown: string): string {
  return markdown
    .replace(/\\(.)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('toMarkdown', () => {
  it('shows every field of a fully populated declaration (Exalate, seed 002)', () => {
    const text = rendered(toMarkdown(complete));
    const absent = walkDeclaration(complete)
      .values.filter(({ anyOf }) => !anyOf.some((value) => value && text.includes(value)))
      .map(({ path }) => path);
    expect(absent).toEqual([]);
  });

  it('escapes Markdown and HTML in the declaration so it shows as written', () => {
    const hostile: Declaration = structuredClone(complete);
    hostile.app.name = '<b>Exalate</b> *sync* [click](javascript:alert(1)) | pipe';
    const markdown = toMarkdown(hostile);
    expect(markdown).toContain(
      '&lt;b&gt;Exalate&lt;/b&gt; \\*sync\\* \\[click\\](javascript:alert(1)) \\| pipe',
    );
    expect(markdown).not.toContain('<b>');
  });

  it('writes the data categories as a table and links as Markdown links', () => {
    const markdown = toMarkdown(complete);
    expect(markdown).toContain('| What | Whose | Why | Where stored | How long | Shared with |');
    expect(markdown).toContain('[privacy@exalate.com](<mailto:privacy@exalate.com>)');
    expect(markdown.endsWith('\n')).toBe(true);
  });
});
