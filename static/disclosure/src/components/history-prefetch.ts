import { createContext } from 'react';
import type { ApiResult, VersionPage } from '@declaration';
import { listVersions } from '../api/index.ts';

/** Versions in the first page of history, the page shown before "Load more". */
export const FIRST_PAGE_SIZE = 20;

/** The first page of history with the default comparison, asked for once per page view. */
export type FirstHistory = Promise<ApiResult<VersionPage>>;

/**
 * `versions/list` for the first page, with what changed from the version last reviewed (or the
 * one before) to the served one: one invoke for the table and the default comparison.
 */
export function listFirstVersions(): FirstHistory {
  return listVersions(undefined, FIRST_PAGE_SIZE, { withDefaultDiff: true });
}

/**
 * The first page of history the page asked for at start-up, beside `disclosure/get` (main.tsx),
 * so that the versions section, loaded later, does not ask again. Absent (a part rendered on its
 * own), the section asks when it loads.
 */
export const FirstHistoryContext = createContext<FirstHistory | null>(null);
