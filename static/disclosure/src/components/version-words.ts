import type { Translator } from '@declaration/i18n/index.ts';
import { isolateText } from './isolate.tsx';

/**
 * The vendor's label for a policy version, in a direction isolate (`isolateText`, for text-only
 * places); the format's `not-stated` is the app's own words, in the reader's language. Its own
 * module: the review banner (first view) and the versions table (loaded later) both name it.
 */
export function policyVersionText(policyVersion: string, t: Translator): string {
  return policyVersion === 'not-stated'
    ? t.t('versions.policyNotStated')
    : isolateText(policyVersion);
}
