import { describe, expect, it } from 'vitest';
import type { DiffEntry } from '@declaration';
import { createTranslator, ENGLISH, loadCatalogue } from '@declaration/i18n/index.ts';
import {
  entryTitle,
  NO_NAMES,
  showValue,
} from '../../static/disclosure/src/components/diff-values.ts';

// "What changed" names the manifest's entries in the reader's words: the list a domain is in,
// a remote, Runs on Atlassian; hosts and keys as the manifest writes them.

const entry = (key: string, kind: DiffEntry['kind'] = 'added'): DiffEntry => ({
  section: 'manifest',
  kind,
  key,
  label: key,
  fields: [],
});

describe('manifest entries in What changed', () => {
  it('are titled by the egress list, as a remote, or as Runs on Atlassian', async () => {
    const context = { t: ENGLISH, names: NO_NAMES };
    expect(entryTitle(entry('egress:fetch.backend:hooks.slack.com'), context)).toEqual({
      text: 'Backend fetch: hooks.slack.com',
      vendorText: false,
    });
    expect(entryTitle(entry('remote:radar-service'), context).text).toBe('Remote: radar-service');
    expect(entryTitle(entry('runsOnAtlassian', 'changed'), context).text).toBe('Runs on Atlassian');
    expect(entryTitle(entry('manifest'), context)).toMatchObject({
      text: "Checked against the app's manifest",
      whole: true,
    });
    const de = createTranslator('de-DE', await loadCatalogue('de-DE'));
    expect(
      entryTitle(entry('egress:fonts:fonts.gstatic.com'), { t: de, names: NO_NAMES }).text,
    ).toBe('Schriftarten: fonts.gstatic.com');
  });

  it("show a remote's operations and Runs on Atlassian in words", async () => {
    const de = createTranslator('de-DE', await loadCatalogue('de-DE'));
    expect(
      showValue(['storage', 'fetch'], 'operations', 'manifest', { t: de, names: NO_NAMES }).map(
        (value) => value.text,
      ),
    ).toEqual(['Speicherung', 'Abruf aus der Seite']);
    const context = { t: ENGLISH, names: NO_NAMES };
    expect(showValue(false, 'runsOnAtlassian', 'manifest', context)[0]!.text).toBe('No');
  });
});
