import type { ApiError } from '@declaration';
import { useT } from '../i18n/index.ts';
import { FailureDetails, FailureHeadline } from './States.tsx';

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
        <FailureHeadline error={error} /> {t.t('state.firstPaintStale')}
      </p>
      <FailureDetails error={error} onRetry={onRetry} />
    </div>
  );
}
