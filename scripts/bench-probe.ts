/**
 * The probe the bench puts into every frame before any of the page's own scripts run (Playwright's
 * init script, which Chromium runs in the host page and in the app's iframe alike, past the
 * frame's CSP). It records, in the frame's own clock, when the frame painted:
 *
 * - `declaration`: the first frame painted with the declaration's last section in the document.
 *   A MutationObserver sees the section arrive (from React's commit, or from the HTML parser for
 *   a static page); in the next `requestAnimationFrame` callback, the browser is about to run the
 *   style, layout and paint of exactly that frame; a message posted from there is delivered as the
 *   next task, once that paint has been recorded and committed to the compositor. That moment is
 *   the one recorded, for both pages alike; what is left (raster and presentation on the
 *   compositor) is the same work for both. Element Timing would give the presentation itself,
 *   but only of what lies in the viewport, and the last section is far below the fold: Chromium
 *   reports nothing for it.
 * - `firstContentfulPaint`: the Paint Timing entry (its `paintTime`, the end of the same paint
 *   step, where Chromium gives it). For the app it may be a loading state, so it is reported
 *   beside, never instead of, `declaration`.
 * - `lastChange`: the paint after the last change to the document (the versions table, the
 *   default diff arriving after further invokes): when the page stopped changing.
 *
 * Nothing polls: the probe reports each of these to the bench through a binding
 * (`window.__privacyBenchReport`) once it is known, so the measured frame does no extra work
 * while it loads. All times are milliseconds since the frame's `performance.timeOrigin`, which is
 * reported too, so the bench can put them on the top page's clock (its navigation start).
 */

/** What the probe reports; `time` is on the frame's clock. */
export interface ProbeReport {
  kind: 'declaration' | 'firstContentfulPaint' | 'lastChange';
  time: number;
  /** The frame's `performance.timeOrigin` (Unix epoch, milliseconds). */
  timeOrigin: number;
  /** The frame's URL, to tell the app's frame from the host page. */
  url: string;
}

/** The binding the probe calls; the bench exposes it on the browser context. */
export const PROBE_BINDING = '__privacyBenchReport';

/**
 * The probe's source for `addInitScript`, calling {@link benchProbe} with its options. tsx (like
 * esbuild with `keepNames`) wraps the named functions inside it in a `__name(...)` helper that
 * exists in Node only; the script defines it as the identity, in its own scope.
 */
export function probeScript(options: { selector: string; binding: string }): string {
  return `(() => { const __name = (target) => target; (${benchProbe.toString()})(${JSON.stringify(options)}); })();`;
}

/**
 * The probe itself, serialised into every frame: it must not use anything outside its body.
 * `selector` finds the declaration's last section.
 */
export function benchProbe(options: { selector: string; binding: string }): void {
  const report = (kind: ProbeReport['kind'], time: number): void => {
    const call = (window as unknown as Record<string, unknown>)[options.binding];
    if (typeof call !== 'function') return;
    void (call as (value: ProbeReport) => Promise<void>)({
      kind,
      time,
      timeOrigin: performance.timeOrigin,
      url: location.href,
    });
  };
  /** Calls `done` with the time just after the next frame's paint was committed. */
  const afterNextPaint = (done: (time: number) => void): void => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  };

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        // The paint step's own time where Chromium gives it, as `declaration` is timed; its
        // startTime is the later presentation.
        const paintTime = (entry as PerformanceEntry & { paintTime?: number }).paintTime;
        if (entry.name === 'first-contentful-paint')
          report('firstContentfulPaint', paintTime ?? entry.startTime);
      }
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // A browser without Paint Timing reports no first contentful paint.
  }

  let found = false;
  let changePending = false;
  new MutationObserver(() => {
    if (!changePending) {
      changePending = true;
      afterNextPaint((time) => {
        changePending = false;
        report('lastChange', time);
      });
    }
    if (found) return;
    const section = document.querySelector(options.selector);
    if (!section) return;
    found = true;
    afterNextPaint((time) => report('declaration', time));
  }).observe(document, { childList: true, subtree: true, characterData: true });
}
