import { describe, expect, it } from 'vitest';
import { inProcess } from './run-cli.ts';

const EXAMPLE = 'examples/exalate-cloud.yaml';

describe('export --locale', () => {
  it('reads the German catalogue for de-DE, de_DE and de alike', async () => {
    const runs = await Promise.all(
      ['de-DE', 'de_DE', 'de'].map((locale) =>
        inProcess('export', '--format', 'md', '--locale', locale, EXAMPLE),
      ),
    );
    for (const run of runs) expect(run.code).toBe(0);
    expect(runs[0]!.stdout).toContain('## Auf einen Blick');
    expect(runs[0]!.stdout).toContain('**Unterauftragsverarbeiter:** 3 Unterauftragsverarbeiter');
    expect(new Set(runs.map((run) => run.stdout)).size).toBe(1);
  });

  it('writes English by default and for en-GB, without a word about it', async () => {
    const byDefault = await inProcess('export', '--format', 'csv', EXAMPLE);
    const british = await inProcess('export', '--format', 'csv', '--locale', 'en-GB', EXAMPLE);
    expect(byDefault.stdout.split('\r\n')[0]).toMatch(/^"Category","Description","Examples"/);
    expect(british.stdout).toBe(byDefault.stdout);
    expect(british.stderr).not.toContain('no catalogue');
  });

  it('exports a locale without a catalogue in English, and says so', async () => {
    const run = await inProcess('export', '--format', 'csv', '--locale', 'sv-SE', EXAMPLE);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\r\n')[0]).toMatch(/^"Category","Description","Examples"/);
    expect(run.stderr).toContain(
      '--locale sv-SE: there is no catalogue for it, so the export is in English (en-US). ' +
        'Catalogues: en-US, de-DE, es-ES, fr-FR, it-IT, ja-JP, ko-KR, nl-NL, pl-PL, pt-BR, zh-CN.',
    );
  });

  it('refuses something that is not a locale, as a usage error', async () => {
    const run = await inProcess('export', '--format', 'md', '--locale', 'de/../x', EXAMPLE);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--locale "de/../x" is not a locale such as en-US, de-DE, de or pt-BR',
    );
    expect(run.stdout).toBe('');
  });
});
