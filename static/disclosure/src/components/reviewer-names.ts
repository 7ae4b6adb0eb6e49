import { useEffect, useState } from 'react';
import { displayNames, type UserProduct } from '../api/index.ts';

/**
 * The display names of the reviewers shown, looked up once `ready` (so that the first look-up
 * asks for everyone on the page at once) and again only when new account ids appear. Until a
 * name is known, and when it cannot be, the page shows the account id.
 */
export function useReviewerNames(
  accountIds: string[],
  product: UserProduct | null,
  ready: boolean,
): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(accountIds)].sort().join('\n');

  useEffect(() => {
    if (!ready || !key || !product) return;
    let live = true;
    void displayNames(key.split('\n'), product).then((found) => {
      if (live) setNames((known) => ({ ...known, ...found }));
    });
    return () => {
      live = false;
    };
  }, [key, product, ready]);

  return names;
}
