/**
 * One first view of a page in Chromium, as the bench measures it: a fresh browser context (no
 * cache, no cookies), the probe of `bench-probe.ts` in every frame, and the network log. Times
 * are milliseconds from the top page's navigation start (its `performance.timeOrigin`): a frame's
 * time is put on that clock through the frame's own time origin, so the app's figure includes
 * the host page and the iframe's own navigation, as an admin waits for them.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Frame, Request, Response } from 'playwright-core';
import { FIRST_PAINT_STATE_ATTRIBUTE } from '../static/disclosure/src/prerender-markers.ts';
import { PROBE_BINDING, probeScript, type ProbeReport } from './bench-probe.ts';

/** Which frame holds what is measured. */
export type MeasuredFrame = 'top' | 'app';

/** What the frame fetched, as the browser received it (uncompressed) and gzipped. */
export interface FetchedFile {
  url: string;
  /** `script`, `stylesheet`, `fetch`, `document`, ... as Chromium classifies the request. */
  type: string;
  bytes: number;
  /** Gzipped as a CDN serves it (zlib's default level, as the bundle budget test counts). */
  gzipped: number;
}

/** One measured first view. */
export interface View {
  /** The first paint with the declaration's last section. */
  declaration: number;
  /** The frame's first contentful paint (possibly a loading state). */
  firstContentfulPaint: number | null;
  /** The paint after the frame's last change, once nothing was loading any more. */
  settled: number;
  /** Resolver calls the page made, by function key. */
  invokes: Record<string, number>;
  /** Every response the measured frame received. */
  files: FetchedFile[];
  /**
   * How the app's page took over its pre-rendered first paint (`#root[data-first-paint]`):
   * `confirmed` (the first paint was the served version's), `replaced`, or null when it had none
   * (or for a page that is not the app's).
   */
  firstPaint: string | null;
}

/** How to measure one view. */
export interface ViewOptions {
  url: string;
  /** Finds the declaration's last section in the measured frame. */
  selector: string;
  frame: MeasuredFrame;
  /** The page is settled after this long with no change and no resolver call in flight. */
  quietMs?: number;
  timeoutMs?: number;
}

const INVOKE_PATH = '/__preview/invoke';

/** The function key of a preview invoke request, or "?" when its body says none. */
function functionKeyOf(request: Request): string {
  try {
    const body = request.postDataJSON() as { functionKey?: unknown } | null;
    return typeof body?.functionKey === 'string' ? body.functionKey : '?';
  } catch {
    return '?';
  }
}

/** Navigates a new page of a fresh context to `options.url` and measures it. */
export async function measureView(browser: Browser, options: ViewOptions): Promise<View> {
  const quietMs = options.quietMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const reports = new Map<ProbeReport['kind'], ProbeReport>();
    let measured: Frame | null = null;
    let lastActivity = performance.now();
    let inFlight = 0;
    const invokes: Record<string, number> = {};
    // Read and gzipped only once the view is measured: the bench shares the machine's cores.
    const responses: Response[] = [];
    let resolveDeclaration!: () => void;
    const declarationPainted = new Promise<void>((resolve) => (resolveDeclaration = resolve));

    await context.exposeBinding(PROBE_BINDING, (source, report: ProbeReport) => {
      const isTop = source.frame === source.page.mainFrame();
      if (isTop !== (options.frame === 'top')) return;
      measured = source.frame;
      lastActivity = performance.now();
      // The first of each kind is the one that counts, except the last change, which is the last.
      if (report.kind === 'lastChange' || !reports.has(report.kind))
        reports.set(report.kind, report);
      if (report.kind === 'declaration') resolveDeclaration();
    });
    await context.addInitScript({
      content: probeScript({ selector: options.selector, binding: PROBE_BINDING }),
    });

    const page = await context.newPage();
    const counts = (response: Response): boolean => {
      const frame = response.frame();
      return options.frame === 'top' ? frame === page.mainFrame() : frame !== page.mainFrame();
    };
    page.on('request', (request) => {
      if (new URL(request.url()).pathname !== INVOKE_PATH) return;
      inFlight += 1;
      lastActivity = performance.now();
      const key = functionKeyOf(request);
      invokes[key] = (invokes[key] ?? 0) + 1;
    });
    const finished = (request: Request): void => {
      if (new URL(request.url()).pathname !== INVOKE_PATH) return;
      inFlight -= 1;
      lastActivity = performance.now();
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);
    page.on('response', (response) => {
      if (!counts(response)) return;
      responses.push(response);
    });

    await page.goto(options.url, { waitUntil: 'commit' });
    const topOrigin = await page.evaluate(() => performance.timeOrigin);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `${options.url}: no paint with "${options.selector}" in the ${options.frame === 'top' ? 'page' : "app's frame"} within ${timeoutMs} ms.`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([declarationPainted, timeout]);
    } finally {
      clearTimeout(timer);
    }
    // Settled: nothing in flight and nothing changed for a while. This waits in Node, so the
    // page itself is never polled.
    const deadline = performance.now() + timeoutMs;
    while (inFlight > 0 || performance.now() - lastActivity < quietMs) {
      if (performance.now() > deadline)
        throw new Error(`${options.url}: the page kept changing for ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!measured) throw new Error(`${options.url}: the probe reported from no frame.`);
    const firstPaint = await (measured as Frame).evaluate(
      (attribute) => document.getElementById('root')?.getAttribute(attribute) ?? null,
      FIRST_PAINT_STATE_ATTRIBUTE,
    );
    const onTop = (kind: ProbeReport['kind']): number | null => {
      const report = reports.get(kind);
      return report ? report.timeOrigin + report.time - topOrigin : null;
    };
    const files: FetchedFile[] = [];
    for (const response of responses) {
      // A redirect or an aborted response has no body to count.
      const body = await response.body().catch(() => null);
      if (!body) continue;
      const type = response.request().resourceType();
      files.push({ url: response.url(), type, bytes: body.length, gzipped: gzipSync(body).length });
    }
    return {
      declaration: onTop('declaration')!,
      firstContentfulPaint: onTop('firstContentfulPaint'),
      settled: onTop('lastChange') ?? onTop('declaration')!,
      invokes,
      files,
      firstPaint,
    };
  } finally {
    await context.close();
  }
}
