import {
  createTranslator,
  ENGLISH,
  loadCatalogue,
  SHIPPED_LOCALES,
  textOf,
  type Inline,
  type MaterialChange,
} from '@declaration';
import { materialChanges } from '@declaration/material.ts';
import { materialChangeText, materialCountText } from '@declaration/material-words.ts';
import { describe, expect, it } from 'vitest';
import { loadExample } from '../examples/load-example.ts';

const v1 = loadExample('test/fixtures/upgrades/techtime-v1.yaml');
const v2 = loadExample('test/fixtures/upgrades/techtime-v2.yaml');
const ref = null;

/** One change of every kind and variant the words distinguish. */
const EVERY_CHANGE: MaterialChange[] = [
  { kind: 'country', change: 'added', country: 'DE', role: 'stored', ref },
  { kind: 'country', change: 'added', country: 'CH', role: 'backup', ref },
  { kind: 'country', change: 'added', country: 'US', role: 'transfer', ref },
  { kind: 'country', change: 'removed', country: 'DE', role: 'stored', ref },
  { kind: 'country', change: 'removed', country: 'CH', role: 'backup', ref },
  { kind: 'country', change: 'removed', country: 'US', role: 'transfer', ref },
  {
    kind: 'hosting',
    change: 'added',
    location: 'Main database',
    provider: { before: null, after: 'Amazon Web Services' },
    ref,
  },
  {
    kind: 'hosting',
    change: 'added',
    location: 'Main database',
    provider: { before: null, after: null },
    ref,
  },
  {
    kind: 'hosting',
    change: 'removed',
    location: 'Main database',
    provider: { before: 'Google Cloud', after: null },
    ref,
  },
  {
    kind: 'hosting',
    change: 'changed',
    location: 'Main database',
    provider: { before: 'Google Cloud', after: 'Amazon Web Services' },
    ref,
  },
  {
    kind: 'hosting',
    change: 'changed',
    location: 'Main database',
    provider: { before: null, after: 'Amazon Web Services' },
    ref,
  },
  {
    kind: 'hosting',
    change: 'changed',
    location: 'Main database',
    provider: { before: 'Google Cloud', after: null },
    ref,
  },
  {
    kind: 'hosting',
    change: 'changed',
    location: 'Main database',
    provider: { before: 'Google Cloud', after: 'Google Cloud' },
    ref,
  },
  { kind: 'recipient', change: 'added', recipientKind: 'subprocessor', name: 'Mixpanel', ref },
  { kind: 'recipient', change: 'added', recipientKind: 'recipient', name: 'Atlassian', ref },
  { kind: 'recipient', change: 'removed', recipientKind: 'subprocessor', name: 'Mixpanel', ref },
  { kind: 'recipient', change: 'removed', recipientKind: 'recipient', name: 'Atlassian', ref },
  { kind: 'personal-data', change: 'added', name: 'Survey answers', sensitive: false, ref },
  { kind: 'personal-data', change: 'added', name: 'Health records', sensitive: true, ref },
  { kind: 'personal-data', change: 'now-personal', name: 'Usage data', sensitive: false, ref },
  { kind: 'personal-data', change: 'now-sensitive', name: 'Usage data', sensitive: true, ref },
  {
    kind: 'retention',
    change: 'longer',
    name: 'Operation data',
    before: { basis: 'fixed-period', period: 'P90D' },
    after: { basis: 'fixed-period', period: 'P2Y', bound: 'at-most' },
    ref,
  },
  {
    kind: 'retention',
    change: 'shorter',
    name: 'Operation data',
    before: { basis: 'indefinitely', period: null },
    after: { basis: 'fixed-period', period: 'P6M', bound: 'about' },
    ref,
  },
  { kind: 'residency', change: 'gained', name: 'Issue data', ref },
  { kind: 'residency', change: 'lost', name: 'Issue data', ref },
  { kind: 'residency', change: 'gained', name: null, ref },
  { kind: 'residency', change: 'lost', name: null, ref },
  { kind: 'egress', change: 'added', target: 'api.example.com', remote: false, ref },
  { kind: 'egress', change: 'removed', target: 'api.example.com', remote: false, ref },
  { kind: 'egress', change: 'added', target: 'exalate-node', remote: true, ref },
  { kind: 'egress', change: 'removed', target: 'exalate-node', remote: true, ref },
  { kind: 'rights', ref },
  { kind: 'contacts', ref },
];

const text = (change: MaterialChange) => textOf(materialChangeText(change, ENGLISH));

/** The vendor's words in a run: what is set apart from the app's. */
const vendorWords = (run: Inline) =>
  run.flatMap((part) => (typeof part !== 'string' && part.kind === 'vendor' ? [part.text] : []));

describe('materialChangeText', () => {
  it('words the upgrade fixture as an admin reads it', () => {
    expect(materialChanges(v1, v2).map(text)).toEqual([
      'Data is now stored in Australia',
      "Hosting moved: TechTime → Amazon Web Services (TechTime's backend for the cloud apps)",
      'New subprocessor: Amazon Web Services',
      'Kept longer: Atlassian Marketplace order information (item 4), at least 7 years (was until you ask for deletion)',
    ]);
  });

  it('sets the vendor names apart and the app words not', () => {
    const [, hosting, recipient] = materialChanges(v1, v2);
    expect(vendorWords(materialChangeText(hosting!, ENGLISH))).toEqual([
      'TechTime',
      'Amazon Web Services',
      "TechTime's backend for the cloud apps",
    ]);
    expect(materialChangeText(recipient!, ENGLISH)).toEqual([
      'New subprocessor: ',
      { kind: 'vendor', text: 'Amazon Web Services' },
    ]);
  });

  it('words every kind of change', () => {
    expect(EVERY_CHANGE.map(text)).toEqual([
      'Data is now stored in Germany',
      'Data is now backed up in Switzerland',
      'Data is now transferred to United States',
      'Data is no longer stored in Germany',
      'Data is no longer backed up in Switzerland',
      'Data is no longer transferred to United States',
      'New storage location: Main database, with Amazon Web Services',
      'New storage location: Main database',
      'Storage location removed: Main database',
      'Hosting moved: Google Cloud → Amazon Web Services (Main database)',
      'Hosting moved to Amazon Web Services (Main database)',
      'Hosting no longer with Google Cloud (Main database)',
      'Hosting changed: Main database',
      'New subprocessor: Mixpanel',
      'New recipient: Atlassian',
      'Subprocessor removed: Mixpanel',
      'Recipient removed: Atlassian',
      'New personal data: Survey answers',
      'New sensitive data: Health records',
      'Now holds personal data: Usage data',
      'Now holds sensitive data: Usage data',
      'Kept longer: Operation data, up to 2 years (was up to 90 days)',
      'Kept shorter: Operation data, about 6 months (was indefinitely)',
      'Now follows your data residency: Issue data',
      'No longer follows your data residency: Issue data',
      "Data is now kept where your site's data residency pins it",
      "Data is no longer kept where your site's data residency pins it",
      'Egress added: api.example.com',
      'Egress removed: api.example.com',
      'Remote added: exalate-node',
      'Remote removed: exalate-node',
      'Your rights changed',
      "The vendor's privacy or security contacts changed",
    ]);
  });

  it('reads the vendor name in the reader language and countries in theirs', async () => {
    const de = createTranslator('de-DE', await loadCatalogue('de-DE'));
    const named: MaterialChange = {
      kind: 'personal-data',
      change: 'added',
      name: { en: 'Health records', de: 'Gesundheitsdaten' },
      sensitive: true,
      ref,
    };
    expect(textOf(materialChangeText(named, de))).toBe('Neue sensible Daten: Gesundheitsdaten');
    expect(textOf(materialChangeText(EVERY_CHANGE[0]!, de))).toBe(
      'Daten werden jetzt in Deutschland gespeichert',
    );
    expect(textOf(materialChangeText(EVERY_CHANGE[21]!, de))).toBe(
      'Länger aufbewahrt: Operation data, höchstens 2 Jahre (bisher höchstens 90 Tage)',
    );
  });

  it('leaves no key, placeholder or English behind in any shipped locale', async () => {
    const english = EVERY_CHANGE.map(text);
    for (const locale of SHIPPED_LOCALES) {
      const t = createTranslator(locale, await loadCatalogue(locale));
      EVERY_CHANGE.forEach((change, index) => {
        const words = textOf(materialChangeText(change, t));
        expect(words, `${locale} ${change.kind}`).not.toMatch(/material\.|\{|\}/);
        if (locale !== 'en-US') expect(words, `${locale} ${change.kind}`).not.toBe(english[index]);
      });
    }
  });
});

describe('materialCountText', () => {
  it('counts with the plural forms of the language', async () => {
    expect(textOf(materialCountText(1, ENGLISH))).toBe('1 material change');
    expect(textOf(materialCountText(3, ENGLISH))).toBe('3 material changes');
    const pl = createTranslator('pl-PL', await loadCatalogue('pl-PL'));
    expect(textOf(materialCountText(2, pl))).toBe('2 istotne zmiany');
    expect(textOf(materialCountText(5, pl))).toBe('5 istotnych zmian');
    const ja = createTranslator('ja-JP', await loadCatalogue('ja-JP'));
    expect(textOf(materialCountText(4, ja))).toBe('重要な変更 4 件');
  });
});
