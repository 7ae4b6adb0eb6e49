import type { ApiError } from '@declaration';
import { useT } from '../i18n/index.ts';

/** Shown while the disclosure loads. */
export function Loading() {
  const t = useT();
  return (
    <main className="state" data-testid="state-loading" aria-busy="true">
      <p role="status">{t.t('state.loading')}</p>
    </main>
  );
}

/** What failed, in words: stored by a later release (upgrading is the fix), or not loaded. */
export function FailureHeadline({ error }: { error: ApiError }) {
  const t = useT();
  return (
    <strong>
      {t.t(error.code === 'UNSUPPORTED_VERSION' ? 'state.newerVersion' : 'state.loadFailed')}
    </strong>
  );
}

/** The failure's own message and code, and the button that tries again. */
export function FailureDetails({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT();
  return (
    <>
      <p data-testid="error-message">{error.message}</p>
      <p className="cell-note">{t.t('state.errorCode', { code: error.code })}</p>
      <button
        type="button"
        className="button button-primary"
        data-testid="retry-button"
        onClick={onRetry}
      >
        {t.t('state.retry')}
      </button>
    </>
  );
}

/** Says what failed and offers to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT();
  return (
    <main className="state" data-testid="state-error">
      <h1>{t.t('app.title')}</h1>
      <div role="alert">
        <p>
          <FailureHeadline error={error} />
        </p>
        <FailureDetails error={error} onRetry={onRetry} />
      </div>
    </main>
  );
}

/** Nothing has been published on this site yet. */
export function Empty() {
  const t = useT();
  return (
    <main className="state" data-testid="state-empty">
      <h1>{t.t('state.emptyTitle')}</h1>
      <p>{t.t('state.emptyBody')}</p>
    </main>
  );
}
