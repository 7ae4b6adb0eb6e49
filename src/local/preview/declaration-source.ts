import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { validateDeclarationBytes, type Declaration } from '../../declaration/index.ts';
import type { DeclarationStatus } from './model.ts';

/** A version the backend stored. */
export interface PublishedVersion {
  version: number;
  publishedAt: string;
}

/** What the source needs from the backend: store a valid declaration, and say what is stored. */
export interface DeclarationSink {
  /** Publishes the declaration; the same content as the newest version adds no version. */
  publish(declaration: Declaration): Promise<PublishedVersion>;
  /** The newest stored version, or null when nothing was ever published. */
  latest(): Promise<PublishedVersion | null>;
}

/**
 * Thrown by a sink that cannot store anything now (the preview's store is damaged and the user has
 * not chosen yet). The source then waits, without retrying, until {@link DeclarationSource.republish}.
 */
export class SinkUnavailableError extends Error {
  override name = 'SinkUnavailableError';
}

/** Thrown by {@link DeclarationSource.start} when the file cannot be read at all. */
export class DeclarationFileError extends Error {
  override name = 'DeclarationFileError';
}

/** How to find and follow the previewed file. */
export interface DeclarationSourceOptions {
  /** Absolute path of the declaration file. */
  file: string;
  /** How the file is named in messages (relative to where the preview started). */
  displayName: string;
  sink: DeclarationSink;
  /** Quiet time after a change before the file is read; editors write in several steps. */
  debounceMs?: number;
  /** Polling interval: the fallback for file systems where fs.watch says nothing. */
  pollMs?: number;
  /** Told about each check's outcome (one line for the terminal). */
  log?: (line: string) => void;
}

/**
 * Follows one declaration file: validates it on start and whenever it changes, publishes each
 * valid content as a new version, and keeps the located errors of an invalid one while the last
 * valid version stays stored and served.
 */
export class DeclarationSource {
  /** What the host pages show. */
  readonly status: DeclarationStatus;
  private lastText: string | null = null;
  private watcher: FSWatcher | null = null;
  private poller: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: DeclarationSourceOptions) {
    this.status = {
      file: options.displayName,
      revision: 0,
      publishedVersion: null,
      publishedAt: null,
      issues: [],
      problem: null,
    };
  }

  /** Reads, validates and publishes the file once, then follows it. Throws if it cannot be read. */
  async start(): Promise<void> {
    try {
      await readFile(this.options.file, 'utf8');
    } catch (error) {
      throw new DeclarationFileError(
        `Cannot read the declaration file ${this.options.displayName}: ${(error as Error).message}`,
      );
    }
    await this.readStored();
    await this.check();
    this.follow();
  }

  /** Takes the published version from the sink; a failure is shown and logged, not thrown. */
  private async readStored(): Promise<void> {
    try {
      const stored = await this.options.sink.latest();
      this.update({
        publishedVersion: stored?.version ?? null,
        publishedAt: stored?.publishedAt ?? null,
      });
    } catch (error) {
      // The preview still runs and says so; publishing next may repair or report it.
      const problem = `Reading what is stored failed: ${(error as Error).message}`;
      this.update({ problem });
      this.options.log?.(problem);
    }
  }

  /** Reads the file again now; changes of content are validated and published, one check at a time. */
  check(): Promise<void> {
    this.running = this.running.then(() => this.checkNow());
    return this.running;
  }

  /**
   * Reads what the sink stores again and publishes the file as it is now, even if its content did
   * not change: after the sink became available again (the user started over with an empty store).
   */
  republish(): Promise<void> {
    const run = this.running.then(async () => {
      await this.readStored();
      this.lastText = null;
      await this.checkNow();
    });
    // A failure is the caller's to report; the checks queued after it still run.
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Stops following the file. */
  close(): void {
    this.closed = true;
    this.watcher?.close();
    if (this.poller) clearInterval(this.poller);
    if (this.debounce) clearTimeout(this.debounce);
  }

  private follow(): void {
    const schedule = (): void => {
      if (this.closed) return;
      if (this.debounce) clearTimeout(this.debounce);
      this.debounce = setTimeout(() => void this.check(), this.options.debounceMs ?? 150);
    };
    try {
      // Watch the folder, not the file: editors often save by writing a new file and renaming it.
      const name = basename(this.options.file);
      this.watcher = watch(dirname(this.options.file), (_event, changed) => {
        if (changed === null || changed === name) schedule();
      });
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // Polling below still notices changes.
    }
    this.poller = setInterval(schedule, this.options.pollMs ?? 1000);
    this.poller.unref();
  }

  private async checkNow(): Promise<void> {
    if (this.closed) return;
    const log = this.options.log ?? (() => {});
    let bytes: Buffer;
    try {
      // Bytes, not 'utf8': invalid UTF-8 is a located error, never silently U+FFFD.
      bytes = await readFile(this.options.file);
    } catch (error) {
      const problem = `Cannot read ${this.options.displayName}: ${(error as Error).message}. The last valid version stays published.`;
      if (problem !== this.status.problem) {
        this.update({ problem, issues: [] });
        this.lastText = null;
        log(problem);
      }
      return;
    }
    const text = bytes.toString('latin1');
    if (text === this.lastText) return;
    this.lastText = text;
    const result = validateDeclarationBytes(bytes, this.options.displayName);
    if (!result.ok) {
      const issues = result.issues.map((issue) => ({
        file: issue.file,
        line: issue.line,
        column: issue.column,
        path: issue.pathText,
        message: issue.message,
      }));
      this.update({ issues, problem: null });
      log(
        `${this.options.displayName} is invalid (${issues.length} error(s)); still serving ${this.describeVersion()}:`,
      );
      for (const issue of issues)
        log(`  ${issue.file}:${issue.line}:${issue.column}  ${issue.path}  ${issue.message}`);
      return;
    }
    try {
      const before = this.status.publishedVersion;
      const published = await this.options.sink.publish(result.declaration);
      this.update({
        issues: [],
        problem: null,
        publishedVersion: published.version,
        publishedAt: published.publishedAt,
      });
      const digest = createHash('sha256').update(text).digest('hex').slice(0, 8);
      log(
        published.version === before
          ? `${this.options.displayName} is valid; unchanged from version ${published.version}.`
          : `${this.options.displayName} is valid (${digest}); published as version ${published.version}.`,
      );
    } catch (error) {
      if (error instanceof SinkUnavailableError) {
        // The text stays remembered: retrying each poll would only repeat this line until republish().
        this.update({ issues: [], problem: null });
        log(`${this.options.displayName} is valid; not published: ${error.message}`);
        return;
      }
      // Nothing half-written: the backend either stored the version or not; the file is read again next time.
      this.lastText = null;
      const problem = `Publishing ${this.options.displayName} failed: ${(error as Error).message}`;
      this.update({ problem, issues: [] });
      log(problem);
    }
  }

  private describeVersion(): string {
    return this.status.publishedVersion
      ? `version ${this.status.publishedVersion}`
      : 'nothing (no valid version yet)';
  }

  private update(change: Partial<DeclarationStatus>): void {
    Object.assign(this.status, change);
    this.status.revision += 1;
  }
}
