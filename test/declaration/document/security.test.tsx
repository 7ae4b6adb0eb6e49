// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDeclaration } from '../export/load.ts';
import { renderSection } from '../../static/sections.tsx';
import { changed, linesOf, sectionOf } from './section-reading.ts';

afterEach(cleanup);

/** Exalate with every field of the format filled in (seed 002). */
const exalate = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

const lines = (declaration = exalate, locale = 'en-US') =>
  linesOf(sectionOf(declaration, 'security', locale)!.blocks);

describe('the security section', () => {
  it('says whether the app is Cloud Fortified, which apps are, and where to report issues', () => {
    expect(lines().slice(0, 2)).toEqual([
      'Cloud Fortified: Yes (Exalate for Jira Cloud)',
      'Security contact: security@exalate.com',
    ]);
    const unstated = changed(exalate, (copy) => {
      copy.security!.cloudFortified = { status: 'not-stated' };
    });
    expect(lines(unstated)).toContain('Cloud Fortified: Not stated');
  });

  it('names what a certification covers', () => {
    expect(lines()).toEqual(
      expect.arrayContaining(['ISO 27001', 'Covers: Exalate for Jira Cloud']),
    );
  });

  it('lists bug bounty and disclosure programmes with their platform, link and scope', () => {
    const all = lines();
    const start = all.indexOf('Security programmes');
    expect(all.slice(start, start + 4)).toEqual([
      'Security programmes',
      'Bug bounty: Atlassian Marketplace Bug Bounty on Bugcrowd',
      'Applies to: The Cloud Add-ons.',
      // Without a platform the programme's address is what the reader follows.
      'Vulnerability disclosure: https://exalate.com/security/disclosure',
    ]);
  });

  it('says how often penetration tests run and who runs them', () => {
    const all = lines();
    const start = all.indexOf('Penetration tests');
    expect(all.slice(start, start + 4)).toEqual([
      'Penetration tests',
      'How often: Every year',
      'Run by: A third party',
      'An external firm tests the Cloud Add-ons once a year.',
    ]);
  });

  it('reads in German and Japanese', () => {
    expect(lines(exalate, 'de-DE')).toEqual(
      expect.arrayContaining([
        'Cloud Fortified: Ja (Exalate for Jira Cloud)',
        'Kontakt für Sicherheitsmeldungen: security@exalate.com',
        'Wie oft: Jährlich',
        'Durchgeführt von: Ein externes Unternehmen',
        'Bug-Bounty-Programm: Atlassian Marketplace Bug Bounty on Bugcrowd',
      ]),
    );
    expect(lines(exalate, 'ja-JP')).toEqual(
      expect.arrayContaining([
        // The catalogue's own punctuation: full-width brackets and colons.
        'Cloud Fortified: はい（Exalate for Jira Cloud）',
        '頻度: 毎年',
        '実施者: 第三者',
        '脆弱性開示：https://exalate.com/security/disclosure',
        '対象：Exalate for Jira Cloud',
      ]),
    );
  });

  it('leaves out what a declaration does not state, and a security block of nothing', () => {
    const bare = changed(exalate, (copy) => {
      copy.security = { penetrationTests: { frequency: 'quarterly' } };
    });
    expect(lines(bare)).toEqual(['Penetration tests', 'How often: Every quarter']);
    const empty = changed(exalate, (copy) => {
      copy.security = {};
    });
    expect(sectionOf(empty, 'security')).toBeUndefined();
  });

  it('links the security contact on the page', () => {
    renderSection(exalate, 'security');
    const contact = screen.getByTestId('security-contact');
    expect(contact.getAttribute('href')).toBe('mailto:security@exalate.com');
    expect(contact.textContent).toMatch(/^security@exalate\.com\b/);
  });
});
