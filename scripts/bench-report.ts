/** The bench's results, as written to `bench-results/`, and the table printed from them. */
import { formatSpread, type Spread } from './bench-stats.ts';
import type { FetchedFile } from './bench-view.ts';

/** Paint times of one page, over the measured runs (milliseconds from navigation start). */
export interface PageTimes {
  /** First paint with the whole declaration: the figure compared. */
  declaration: Spread;
  firstContentfulPaint: Spread | null;
  /** Paint after the page's last change (further invokes: versions, the default diff). */
  settled: Spread;
  /** The declaration paint of each run, in the order measured. */
  runs: number[];
}

/** What one page view of the app loads and costs. */
export interface FirstView {
  /** JavaScript and CSS of the app's frame, gzipped: the figure the 100 KB budget is about. */
  scriptAndStyleGzipped: number;
  /** Every file the app's frame fetched. Paths under /__preview/ are the preview's host. */
  files: FetchedFile[];
  invokes: Record<string, number>;
  /** Storage requests per page view, lowest and highest over the runs. */
  storageRequests: { min: number; max: number; byOperation: Record<string, number> };
}

/** One declaration measured. */
export interface CaseResult {
  label: string;
  /** Bytes of its YAML. */
  yamlBytes: number;
  versions: number;
  app: PageTimes;
  staticExport: PageTimes;
  /** Median app paint over median static export paint. */
  ratio: number;
  /**
   * The static export served as the app's frame, in the same host page by the same preview:
   * what the host page and the iframe's navigation cost any document there.
   */
  exportInFrame: PageTimes;
  /** Median app paint over the median paint of the export in the app's frame. */
  frameRatio: number;
  /**
   * How the app's page took over its pre-rendered first paint, counted over the runs:
   * `confirmed`, `replaced`, or `none` (it was served without one).
   */
  firstPaints: Record<string, number>;
  firstView: FirstView;
  /** The static export's HTML, gzipped. */
  staticExportGzipped: number;
}

/** Everything a bench run found. */
export interface BenchResults {
  measuredAt: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; chromium: string };
  /** The machine's 1-minute load average before and after: other work skews every figure. */
  loadAverage: { before: number; after: number };
  runs: number;
  ui: { dir: string; files: { path: string; bytes: number; gzipped: number }[] };
  cases: CaseResult[];
  cliValidate: Spread;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Lays rows out in columns: the first left-aligned, the others right-aligned. */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd(),
  );
}

const optional = (spread: Spread | null): string => (spread ? formatSpread(spread) : 'n/a');

/** "pre-rendered 9/9", or what else the app's page did with its first paint. */
export function formatFirstPaints(counts: Record<string, number>, runs: number): string {
  const words: Record<string, string> = {
    confirmed: 'pre-rendered',
    replaced: 'pre-render replaced',
    none: 'not pre-rendered',
  };
  return Object.entries(counts)
    .sort(([a], [b]) => Object.keys(words).indexOf(a) - Object.keys(words).indexOf(b))
    .map(([state, count]) => `${words[state] ?? state} ${count}/${runs}`)
    .join(', ');
}

/** The readable report. */
export function formatReport(results: BenchResults): string {
  const lines: string[] = [];
  const { machine } = results;
  lines.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; Node ${machine.node}; ${machine.chromium}`,
    `Load average (1 min): ${results.loadAverage.before.toFixed(2)} before, ${results.loadAverage.after.toFixed(2)} after`,
    '',
    `First paint with the whole declaration, ms from the top page's navigation start: median (IQR; min–max) of ${results.runs} runs after a warm-up each`,
  );
  lines.push(
    ...columns([
      ['declaration', 'app page', 'static HTML export', 'app/export', 'first paint'],
      ...results.cases.map((c) => [
        c.label,
        formatSpread(c.app.declaration),
        formatSpread(c.staticExport.declaration),
        `${c.ratio.toFixed(2)}x`,
        formatFirstPaints(c.firstPaints, results.runs),
      ]),
    ]),
  );
  lines.push(
    '',
    "The same export served as the app's frame, in the same host page by the same preview (measured after the app's runs): what the host page and the iframe's navigation cost any document there",
  );
  lines.push(
    ...columns([
      ['declaration', "export in the app's frame", 'app/framed export'],
      ...results.cases.map((c) => [
        c.label,
        formatSpread(c.exportInFrame.declaration),
        `${c.frameRatio.toFixed(2)}x`,
      ]),
    ]),
  );
  lines.push(
    '',
    'Beside it: the first contentful paint (the loading state, where the page shows one first), and the paint after the last change, once nothing was loading',
  );
  for (const c of results.cases) {
    lines.push(
      `  ${c.label}`,
      `    app:    first contentful ${optional(c.app.firstContentfulPaint)}; settled ${formatSpread(c.app.settled)}`,
      `    export: first contentful ${optional(c.staticExport.firstContentfulPaint)}; settled ${formatSpread(c.staticExport.settled)}`,
    );
  }
  lines.push(
    '',
    "Loaded on first view by the app's frame (gzipped as a CDN serves it), and per page view",
  );
  lines.push(
    ...columns([
      ['declaration', 'JS + CSS', 'other app files', 'storage requests', 'invokes', 'export HTML'],
      ...results.cases.map((c) => {
        const other = c.firstView.files
          .filter((file) => !isScriptOrStyle(file) && !isHostFile(file))
          .reduce((sum, file) => sum + file.gzipped, 0);
        const { min, max } = c.firstView.storageRequests;
        const invokes = Object.entries(c.firstView.invokes)
          .map(([key, count]) => `${key} ${count}`)
          .join(', ');
        return [
          c.label,
          kb(c.firstView.scriptAndStyleGzipped),
          kb(other),
          min === max ? `${min}` : `${min}–${max}`,
          invokes,
          kb(c.staticExportGzipped),
        ];
      }),
    ]),
  );
  const first = results.cases[0];
  if (first) {
    lines.push('', `Files the app's frame fetched (${first.label}):`);
    lines.push(
      ...columns([
        ['file', 'type', 'bytes', 'gzipped'],
        ...first.firstView.files.map((file) => [
          new URL(file.url).pathname + (isHostFile(file) ? ' (the preview host, not counted)' : ''),
          file.type,
          `${file.bytes}`,
          `${file.gzipped}`,
        ]),
      ]).map((line) => `  ${line}`),
    );
  }
  const total = results.ui.files.reduce((sum, file) => sum + file.gzipped, 0);
  lines.push(
    '',
    `Every file of the built UI (${results.ui.dir}), loaded or not: ${kb(total)} gzipped`,
  );
  lines.push(
    ...columns([
      ['file', 'bytes', 'gzipped'],
      ...results.ui.files.map((file) => [file.path, `${file.bytes}`, `${file.gzipped}`]),
    ]).map((line) => `  ${line}`),
  );
  lines.push(
    '',
    `CLI \`validate\` of the largest example, process start to exit: ${formatSpread(results.cliValidate)}`,
  );
  return lines.join('\n');
}

/** A file of the preview's stand-in for Forge's host (the bridge script), not of the app. */
export function isHostFile(file: Pick<FetchedFile, 'url'>): boolean {
  return new URL(file.url).pathname.startsWith('/__preview/');
}

/** JavaScript or CSS the app's frame loaded. */
export function isScriptOrStyle(file: Pick<FetchedFile, 'type'>): boolean {
  return file.type === 'script' || file.type === 'stylesheet';
}
