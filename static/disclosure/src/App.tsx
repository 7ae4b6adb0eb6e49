import { useCallback, useEffect, useState } from 'react';
import type { ApiError, DisclosureView } from '@declaration';
import { getDisclosure, productOf, type HostContext } from './api/index.ts';
import { DisclosurePage } from './components/DisclosurePage.tsx';
import { Empty, LoadError, Loading } from './components/States.tsx';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'empty' }
  | { kind: 'ready'; view: DisclosureView };

/**
 * Modules that only read. The backend decides `canReview` and checks every write again; the page
 * also never offers a write control where the host says it is a global page, read by everyone.
 */
const READ_ONLY_MODULE_TYPES = new Set(['jira:globalPage', 'confluence:globalPage']);

/** Loads the disclosure once and shows it, or says what failed with a way to retry. */
export function App({ host }: { host: Pick<HostContext, 'extensionType'> }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await getDisclosure();
    if (result.ok) {
      const canReview = result.data.canReview && !READ_ONLY_MODULE_TYPES.has(host.extensionType);
      setState({ kind: 'ready', view: { ...result.data, canReview } });
    }
    // NOT_FOUND means nothing was published on this site yet: a state, not a failure.
    else if (result.error.code === 'NOT_FOUND') setState({ kind: 'empty' });
    else setState({ kind: 'error', error: result.error });
  }, [host.extensionType]);

  useEffect(() => {
    void load();
  }, [load]);

  switch (state.kind) {
    case 'loading':
      return <Loading />;
    case 'error':
      return <LoadError error={state.error} onRetry={() => void load()} />;
    case 'empty':
      return <Empty />;
    case 'ready':
      return <DisclosurePage view={state.view} product={productOf(host.extensionType)} />;
  }
}
