// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { toHtml, toMarkdown } from '@declaration';
import { loadDeclaration } from '../export/load.ts';
import { renderSection } from '../../static/sections.tsx';
import { changed, linesOf, sectionOf, translator } from './section-reading.ts';

afterEach(cleanup);

/** Exalate with every field of the format filled in (seed 002). */
const exalate = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

/** A policy that names no rights and does not say how to exercise any. */
const silent = changed(exalate, (copy) => {
  copy.rights.regimes = 'not-stated';
  delete copy.rights.howToExercise;
});

describe('rights a policy does not name', () => {
  it('are said to be unnamed, and how to exercise them to be unsaid', () => {
    expect(linesOf(sectionOf(silent, 'rights')!.blocks).slice(0, 4)).toEqual([
      'The policy names no rights.',
      'How to exercise your rights',
      'The policy does not say how to exercise them.',
      'Send requests to: https://support.exalate.com',
    ]);
  });

  it('reach the page, the HTML and the Markdown', () => {
    renderSection(silent, 'rights');
    const page = screen.getByTestId('section-rights').textContent;
    const html = toHtml(silent);
    const markdown = toMarkdown(silent);
    for (const shown of [page, html, markdown]) {
      expect(shown).toContain('The policy names no rights.');
      expect(shown).toContain('The policy does not say how to exercise them.');
    }
  });

  it('read in German and Japanese', () => {
    expect(linesOf(sectionOf(silent, 'rights', 'de-DE')!.blocks).slice(0, 3)).toEqual([
      'Die Datenschutzerklärung nennt keine Rechte.',
      'So üben Sie Ihre Rechte aus',
      'Die Datenschutzerklärung sagt nicht, wie man sie ausübt.',
    ]);
    expect(toMarkdown(silent, { translator: translator('ja-JP') })).toContain(
      'ポリシーには権利の記載がありません。',
    );
  });

  it('leave named rights and the way to exercise them as they are', () => {
    const lines = linesOf(sectionOf(exalate, 'rights')!.blocks);
    expect(lines.slice(0, 3)).toEqual([
      'GDPR (EU)',
      'Applies to: Customers in the European Union',
      'Erasure: The customer can ask for an earlier deletion.',
    ]);
    expect(lines).toContain('Contact Exalate through the Service Desk.');
    expect(lines.join('\n')).not.toContain('The policy');
  });
});
