import type { ApiError } from '@declaration';
import { useLocale } from '../i18n/index.ts';

/** Shown while the disclosure loads. */
export function Loading() {
  const { t } = useLocale();
  return (
    <main className="state" data-testid="state-loading" aria-busy="true">
      <p role="status">{t.loading}</p>
    </main>
  );
}

/** Says what failed and offers to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useLocale();
  return (
    <main className="state" data-testid="state-error">
      <h1>{t.pageTitleFallback}</h1>
      <div role="alert">
        <p>
          <strong>{t.loadFailed}</strong>
        </p>
        <p data-testid="error-message">{error.message}</p>
        <p className="cell-note">{t.errorCode(error.code)}</p>
      </div>
      <button
        type="button"
        className="button button-primary"
        data-testid="retry-button"
        onClick={onRetry}
      >
        {t.retry}
      </button>
    </main>
  );
}

/** Nothing has been published on this site yet. */
export function Empty() {
  const { t } = useLocale();
  return (
    <main className="state" data-testid="state-empty">
      <h1>{t.emptyTitle}</h1>
      <p>{t.emptyBody}</p>
    </main>
  );
}
