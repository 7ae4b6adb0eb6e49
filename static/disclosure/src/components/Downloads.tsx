import { useState } from 'react';
import type { Declaration, PublishedManifestFacts } from '@declaration';
import { localize } from '@declaration/present/index.ts';
import { describeError } from '../api/bridge.ts';
import { useT } from '../i18n/index.ts';
import { fileSlug, saveTextFile } from '../download.ts';
import { lazyCode } from '../lazy-code.ts';
import type * as ExportFiles from '../export-files.ts';
import { Section } from './common.tsx';

type Format = ExportFiles.ExportFormat;

/**
 * The export code, loaded on the first download (or when the pointer or focus reaches the
 * buttons, so the click rarely waits): it is not part of the page's first view. A failed load is
 * forgotten, so the next click tries again.
 */
const exportCode = lazyCode<typeof ExportFiles>(() => import('../export-files.ts'));

const FORMATS: Record<Format, { extension: string; mime: string }> = {
  json: { extension: 'json', mime: 'application/json' },
  markdown: { extension: 'md', mime: 'text/markdown' },
  csv: { extension: 'csv', mime: 'text/csv' },
};

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

  const download = async (format: Format) => {
    setError(null);
    try {
      const { renderExport } = await exportCode.load();
      const { extension, mime } = FORMATS[format];
      saveTextFile(`${base}.${extension}`, mime, renderExport(format, declaration, t, manifest));
    } catch (thrown) {
      setError(t.t('downloads.failed', { reason: describeError(thrown) }));
    }
  };
  const prepare = () => void exportCode.load().catch(() => undefined);

  return (
    <Section id="downloads" title={t.t('downloads.title')}>
      <p>{t.t('downloads.intro')}</p>
      <div className="button-row" onPointerEnter={prepare} onFocus={prepare}>
        {(Object.keys(FORMATS) as Format[]).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            data-testid={`download-${format}`}
            onClick={() => void download(format)}
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
