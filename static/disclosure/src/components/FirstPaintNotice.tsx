import type { ApiError } from '@declaration';
import { useT } from '../i18n/index.ts';

/**
 * Loading the disclosure failed while the build's pre-rendered first paint is on screen: the
 * document stays readable below, and this says what failed, that what is shown may be out of
 * date (it was written when the app was built, not read from this site), and offers to retry.
 */
export function FirstPaintNotice({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="first-paint-notice" data-testid="first-paint-notice" role="alert">
      <p>
        <strong>
          {t.t(error.code === 'UNSUPPORTED_VERSION' ? 'state.newerVersion' : 'state.loadFailed')}
        </strong>{' '}
        {t.t('state.firstPaintStale')}
      </p>
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
    </div>
  );
}
