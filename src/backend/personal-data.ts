import { privacy } from '@forge/api';
import { z } from 'zod';
import { describeCause, logReporter, withoutAccountIds, type Reporter } from './errors.ts';
import { BARE_KEYS, checkKeyPrefix, DEFAULT_KEY_PREFIX, storageKeys } from './keys.ts';
import { eraseAccount, forgeErasingStore, type ErasingStore } from './personal-data-erase.ts';
import {
  inventoryLayout,
  storedAccounts,
  type LayoutInventory,
} from './personal-data-inventory.ts';

/**
 * The disclosure stores Atlassian account ids in its review records. Atlassian asks every app that
 * stores account ids to report them with its personal data reporting API (`privacy.reportPersonalData`
 * in `@forge/api`), once a cycle (7 days by default), and to act on the answer: `closed` means the
 * person's account was closed and the app must erase their personal data; `updated` means their
 * profile changed since the time reported, and the app must refresh any copy of it. The
 * disclosure stores no profile data (no name, no e-mail address, only the id), so `updated` asks
 * nothing of it; `closed` erases the account's reviews (see `personal-data-erase.ts`).
 *
 * Run from a weekly `scheduledTrigger`. Safe to run twice, or at once: a closed account that was
 * erased is no longer stored, so it is neither reported nor erased again.
 */

/** The most accounts one request may report (`LIMIT` in `@forge/api`'s privacy module). */
export const REPORT_BATCH_SIZE = 90;

/** The longest `Retry-After` (in seconds) a rate-limited report waits before its one retry. */
export const MAX_RETRY_AFTER_SECONDS = 10;

/** One account as it is reported: its id and when the app last stored something about it. */
export interface ReportedAccount {
  accountId: string;
  updatedAt: string;
}

/** Atlassian's answer for one account that needs the app to act. */
export interface AccountUpdate {
  accountId: string;
  status: 'updated' | 'closed';
}

/** How the report runs: the disclosure's storage options, and the reporting API. */
export interface PersonalDataOptions {
  /** The disclosure's key prefix, `privacy-disclosure:` by default (as `createDisclosureBackend`). */
  keyPrefix?: string;
  /** Report and erase the reviews stored before the prefix too (this app's installs up to 0.1.0). */
  migrateBareKeys?: boolean;
  /** Forge storage (`@forge/kvs`) unless another store is given. */
  store?: ErasingStore;
  /** Where problems are reported: the error log, without account ids, by default. */
  report?: Reporter;
  /** Atlassian's reporting API: `privacy.reportPersonalData` unless another is given. */
  reportAccounts?: (accounts: ReportedAccount[]) => Promise<AccountUpdate[]>;
  /** Waits before the retry of a rate-limited report. */
  wait?: (milliseconds: number) => Promise<void>;
}

/** What one run did: counts only, never an account id. */
export interface PersonalDataResult {
  /** Account ids stored when the run began. */
  accounts: number;
  /** Requests that Atlassian answered. */
  batches: number;
  /** Accounts Atlassian reported closed: each one's reviews were erased. */
  closed: number;
  /** Accounts Atlassian reported updated: nothing to refresh, the disclosure stores only the id. */
  updated: number;
  /** Review records erased (their account id replaced, or a damaged record deleted). */
  erasedReviews: number;
  /** Newest-review copies and review lists rewritten without the account id, or deleted. */
  erasedCopies: number;
}

const Answer = z.array(
  z.object({ accountId: z.string(), status: z.string() }).loose(),
  'the answer is not a list of accounts',
);

/** An HTTP status of a failed report: `@forge/api` rejects with the response itself. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterSeconds(error: unknown): number | undefined {
  const headers = (error as { headers?: { get?: (name: string) => string | null } } | null)
    ?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : null;
  const seconds = value === null || value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function describeFailure(error: unknown): string {
  const status = statusOf(error);
  return status !== undefined ? `HTTP ${status}` : describeCause(error).split('\n')[0] || 'unknown';
}

/** Reports one batch; a 429 that asks for a short wait is retried once after it. */
async function reportBatch(
  options: Required<Pick<PersonalDataOptions, 'reportAccounts' | 'wait'>>,
  batch: ReportedAccount[],
): Promise<{ accountId: string; status: string }[]> {
  let answer: unknown;
  try {
    answer = await options.reportAccounts(batch);
  } catch (error) {
    const wait = statusOf(error) === 429 ? retryAfterSeconds(error) : undefined;
    if (wait === undefined || wait > MAX_RETRY_AFTER_SECONDS) throw error;
    await options.wait(wait * 1000);
    answer = await options.reportAccounts(batch);
  }
  const parsed = Answer.safeParse(answer);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid answer');
  return parsed.data;
}

/** A failed run, as logged and thrown: what was done before it, and why it stopped. */
export class PersonalDataReportError extends Error {
  /** What the run did before it stopped. */
  readonly result: PersonalDataResult;
  constructor(message: string, result: PersonalDataResult) {
    super(withoutAccountIds(message));
    this.name = 'PersonalDataReportError';
    this.result = result;
  }
}

/**
 * Creates the personal data report of the disclosure's review records: a function for a
 * `scheduledTrigger` that lists every stored account id, reports them to Atlassian in requests of
 * at most 90 (each with the time of its newest review as `updatedAt`), one after another, and
 * erases the reviews of every account reported closed as soon as its request is answered. When a
 * request fails, the accounts already answered stay handled, the others are reported on the next
 * run, and the function throws {@link PersonalDataReportError}. Nothing it logs or throws holds an
 * account id.
 *
 * @example
 * const reportPersonalData = createPersonalDataReport({ keyPrefix: 'my-app:disclosure:' });
 * export async function personalDataReport() { await reportPersonalData(); }
 */
export function createPersonalDataReport(
  options: PersonalDataOptions = {},
): () => Promise<PersonalDataResult> {
  const keys = storageKeys(checkKeyPrefix(options.keyPrefix ?? DEFAULT_KEY_PREFIX));
  const layouts = options.migrateBareKeys === true ? [keys, BARE_KEYS] : [keys];
  const store = options.store ?? forgeErasingStore;
  const report = options.report ?? logReporter;
  const api = {
    reportAccounts: options.reportAccounts ?? privacy.reportPersonalData,
    wait:
      options.wait ??
      ((milliseconds: number) => new Promise<void>((done) => setTimeout(done, milliseconds))),
  };

  return async function reportPersonalData(): Promise<PersonalDataResult> {
    const result: PersonalDataResult = {
      accounts: 0,
      batches: 0,
      closed: 0,
      updated: 0,
      erasedReviews: 0,
      erasedCopies: 0,
    };
    const fail = (message: string, cause?: unknown): never => {
      const error = new PersonalDataReportError(
        `Personal data report stopped: ${message}${cause === undefined ? '' : ` (${describeFailure(cause)})`}. ${summary(result)}`,
        result,
      );
      report(error.message);
      throw error;
    };
    let inventories: LayoutInventory[];
    try {
      inventories = await Promise.all(layouts.map((layout) => inventoryLayout(store, layout)));
    } catch (error) {
      return fail('the review records could not be read', error);
    }
    const accounts = [...storedAccounts(inventories)].map(([accountId, updatedAt]) => ({
      accountId,
      updatedAt,
    }));
    result.accounts = accounts.length;
    const batches = Math.ceil(accounts.length / REPORT_BATCH_SIZE);
    for (let index = 0; index < batches; index += 1) {
      const batch = accounts.slice(index * REPORT_BATCH_SIZE, (index + 1) * REPORT_BATCH_SIZE);
      let answers: { accountId: string; status: string }[];
      try {
        answers = await reportBatch(api, batch);
      } catch (error) {
        return fail(
          `Atlassian did not answer request ${index + 1} of ${batches}; its accounts and the ones after are reported on the next run`,
          error,
        );
      }
      result.batches += 1;
      await act(batch, answers);
    }
    console.log(withoutAccountIds(`Personal data report: ${summary(result)}`));
    return result;

    async function act(
      batch: ReportedAccount[],
      answers: { accountId: string; status: string }[],
    ): Promise<void> {
      // Only an account this request reported is acted on, whatever else the answer lists.
      const asked = new Set(batch.map((account) => account.accountId));
      const closed = new Set<string>();
      for (const { accountId, status } of answers) {
        if (!asked.has(accountId)) {
          report(
            'Personal data report: the answer named an account that was not reported; ignored.',
          );
        } else if (status === 'closed') closed.add(accountId);
        else if (status === 'updated') result.updated += 1;
        else
          report(
            `Personal data report: an answer with status "${status.slice(0, 20)}" was ignored.`,
          );
      }
      for (const accountId of closed) {
        try {
          const erased = await eraseAccount(store, inventories, accountId);
          result.erasedReviews += erased.reviews;
          result.erasedCopies += erased.copies;
          result.closed += 1;
        } catch (error) {
          fail(
            `${error instanceof Error ? error.message : 'storage failed'} Accounts not yet erased are erased on the next run`,
            (error as { cause?: unknown }).cause,
          );
        }
      }
    }
  };
}

function summary(result: PersonalDataResult): string {
  return `${result.accounts} account id(s) stored, ${result.batches} request(s) answered; ${result.closed} closed account(s) erased from ${result.erasedReviews} review(s) and ${result.erasedCopies} newest-review copies and review lists; ${result.updated} updated (only account ids are stored: nothing to refresh).`;
}
