import { useState } from 'react';
import type { Declaration, PublishedManifestFacts } from '@declaration';
import { localize } from '@declaration/present/index.ts';
import { toCsv } from '@declaration/export/csv.ts';
import { toJson } from '@declaration/export/json.ts';
import { toMarkdown } from '@declaration/export/markdown.ts';
import { describeError } from '../api/bridge.ts';
import type { Translator } from '@declaration/i18n/index.ts';
import { useT } from '../i18n/index.ts';
import { fileSlug, saveTextFile } from '../download.ts';
import { Section } from './common.tsx';

type Format = 'json' | 'markdown' | 'csv';

const FORMATS: Record<Format, { extension: string; mime: string }> = {
  json: { extension: 'json', mime: 'application/json' },
  markdown: { extension: 'md', mime: 'text/markdown' },
  csv: { extension: 'csv', mime: 'text/csv' },
};

/** The declaration as a file in the requested format, in the viewer's language. */
export function renderExport(
  format: Format,
  declaration: Declaration,
  translator: Translator,
  manifest?: PublishedManifestFacts | null,
): string {
  if (format === 'json') return toJson(declaration);
  if (format === 'markdown') return toMarkdown(declaration, { translator, manifest });
  return toCsv(declaration, { translator });
}

/** JSON, Markdown and CSV downloads for the admin's own records. */
export function Downloads({
  declaration,
  manifest,
}: {
  declaration: Declaration;
  /** The version's manifest facts: the Markdown says what was checked, as the page does. */
  manifest?: PublishedManifestFacts | null;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const base = `${fileSlug(localize(declaration.app.name, 'en'))}-privacy-${fileSlug(declaration.policy.version)}`;

  const download = (format: Format) => {
    setError(null);
    try {
      const { extension, mime } = FORMATS[format];
      saveTextFile(`${base}.${extension}`, mime, renderExport(format, declaration, t, manifest));
    } catch (thrown) {
      setError(t.t('downloads.failed', { reason: describeError(thrown) }));
    }
  };

  return (
    <Section id="downloads" title={t.t('downloads.title')}>
      <p>{t.t('downloads.intro')}</p>
      <div className="button-row">
        {(Object.keys(FORMATS) as Format[]).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            data-testid={`download-${format}`}
            onClick={() => download(format)}
          >
            {t.t(`downloads.${format}`)}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </Section>
  );
}
