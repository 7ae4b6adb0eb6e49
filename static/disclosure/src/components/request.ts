import type { ApiError } from '@declaration';

/**
 * Where one request of the page stands. `data` in `loading` and `error` is what the last answer
 * gave, kept on screen while the next one is on its way or after it failed: older versions stay
 * listed while more load, and the last diff stays shown when another comparison fails.
 */
export type RequestState<T> =
  | { status: 'idle' }
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError; data?: T };

/** The data of the last answer, whatever the request is doing now. */
export function dataOf<T>(state: RequestState<T>): T | undefined {
  return state.status === 'idle' ? undefined : state.data;
}

/** The same request, now waiting for an answer, still holding what it had. */
export function loading<T>(state: RequestState<T>): RequestState<T> {
  const data = dataOf(state);
  return data === undefined ? { status: 'loading' } : { status: 'loading', data };
}

/** The same request, failed with `error`, still holding what it had. */
export function failed<T>(state: RequestState<T>, error: ApiError): RequestState<T> {
  const data = dataOf(state);
  return data === undefined ? { status: 'error', error } : { status: 'error', error, data };
}

/** The same request with its data changed by `update`, in whichever state it is. */
export function mapData<T>(state: RequestState<T>, update: (data: T) => T): RequestState<T> {
  if (state.status === 'idle' || state.data === undefined) return state;
  return { ...state, data: update(state.data) };
}
