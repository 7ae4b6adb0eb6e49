/**
 * Atlassian's personal data reporting API as `@forge/api`'s `privacy.reportPersonalData` reaches
 * it: `POST /app/report-accounts` as the app (`{ type: 'fpp', provider: 'app', remote: 'stargate' }`)
 * with `{ accounts: [{ accountId, updatedAt }] }`, at most 90 accounts. It answers 200 with
 * `{ accounts: [{ accountId, status }] }` for the accounts that need the app to act (`closed`:
 * erase; `updated`: the profile changed after `updatedAt`, refresh any copy) and 204 when none does.
 * Tests say which accounts are closed or updated, and see every report the app sent.
 */

/** The path `@forge/api` 8 posts the report to. */
export const REPORT_ACCOUNTS_PATH = '/app/report-accounts';

/** The most accounts one report may hold (`LIMIT` in `@forge/api`'s privacy module). */
export const MAX_REPORTED_ACCOUNTS = 90;

/** One account as the app reports it. */
export interface ReportedAccount {
  accountId: string;
  updatedAt: string;
}

/** An answer of the reporting API: status, JSON body (none for 204) and headers. */
export interface ReportAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What tests control and see of the reporting API. */
export interface LocalPersonalData {
  /** Atlassian closed this account: every report of it answers `closed`. */
  close(accountId: string): void;
  /** The profile of this account changed at `at`: a report with an older `updatedAt` answers `updated`. */
  update(accountId: string, at: string): void;
  /** Every report the app sent, in order: the accounts of each request. */
  readonly reports: ReportedAccount[][];
  /**
   * Answer the n-th report request from now (1 = the next) with this instead: a 429 with
   * `Retry-After`, a 500. The request is not recorded in {@link reports}.
   */
  failReport(n: number, answer: ReportAnswer): void;
  /** Forget closed and updated accounts, reports and planned failures. */
  clear(): void;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function badRequest(message: string): ReportAnswer {
  return { status: 400, body: { code: 400, message } };
}

/** Checks a report's body as Atlassian's API would: the accounts, their ids and times. */
function readReport(text: unknown): ReportedAccount[] | ReportAnswer {
  let body: unknown;
  try {
    body = JSON.parse(typeof text === 'string' ? text : '');
  } catch {
    return badRequest('The request body is not JSON.');
  }
  const accounts = (body as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(accounts) || accounts.length === 0) {
    return badRequest('accounts: a list of one or more accounts is required.');
  }
  if (accounts.length > MAX_REPORTED_ACCOUNTS) {
    return badRequest(
      `accounts: at most ${MAX_REPORTED_ACCOUNTS} accounts per request, got ${accounts.length}.`,
    );
  }
  for (const [index, account] of accounts.entries()) {
    const { accountId, updatedAt } = (account ?? {}) as Record<string, unknown>;
    if (typeof accountId !== 'string' || accountId.length === 0) {
      return badRequest(`accounts[${index}].accountId: a non-empty string is required.`);
    }
    if (typeof updatedAt !== 'string' || !ISO_INSTANT.test(updatedAt)) {
      return badRequest(`accounts[${index}].updatedAt: an ISO 8601 UTC time is required.`);
    }
  }
  return accounts as ReportedAccount[];
}

/** The local reporting API and the handler `__forge_fetch__` hands its requests to. */
export function createLocalPersonalData(): LocalPersonalData & {
  handle(provider: string | undefined, method: string, body: unknown): ReportAnswer;
} {
  const closed = new Set<string>();
  const updated = new Map<string, number>();
  const reports: ReportedAccount[][] = [];
  const failures = new Map<number, ReportAnswer>();
  let seen = 0;
  return {
    close: (accountId) => void closed.add(accountId),
    update(accountId, at) {
      const time = Date.parse(at);
      if (Number.isNaN(time)) throw new Error(`update(accountId, at): "${at}" is not a time.`);
      updated.set(accountId, time);
    },
    reports,
    failReport(n, answer) {
      if (!Number.isInteger(n) || n < 1) {
        throw new Error(`failReport(n) needs a whole n ≥ 1 (1 = the next request), got ${n}.`);
      }
      failures.set(seen + n, { ...answer });
    },
    clear() {
      closed.clear();
      updated.clear();
      reports.length = 0;
      failures.clear();
    },
    handle(provider, method, text) {
      if (method.toUpperCase() !== 'POST') {
        return { status: 405, body: { code: 405, message: `${method} is not allowed here.` } };
      }
      // Only the app reports the accounts it stores; a user's token cannot.
      if (provider !== 'app') {
        return { status: 403, body: { code: 403, message: 'Only the app may report accounts.' } };
      }
      seen += 1;
      const failure = failures.get(seen);
      failures.delete(seen);
      if (failure) return failure;
      const accounts = readReport(text);
      if (!Array.isArray(accounts)) return accounts;
      reports.push(accounts.map(({ accountId, updatedAt }) => ({ accountId, updatedAt })));
      const answers = accounts.flatMap(({ accountId, updatedAt }) => {
        if (closed.has(accountId)) return [{ accountId, status: 'closed' }];
        const changed = updated.get(accountId);
        return changed !== undefined && changed > Date.parse(updatedAt)
          ? [{ accountId, status: 'updated' }]
          : [];
      });
      return answers.length === 0 ? { status: 204 } : { status: 200, body: { accounts: answers } };
    },
  };
}
