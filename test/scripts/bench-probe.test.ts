// @vitest-environment jsdom
import { afterEach, expect, test, vi } from 'vitest';
import { probeScript, type ProbeReport } from '../../scripts/bench-probe.ts';

const BINDING = '__privacyBenchReport';
const reports: ProbeReport[] = [];
const windowRecord = window as unknown as Record<string, unknown>;

afterEach(() => {
  reports.length = 0;
  delete windowRecord[BINDING];
  document.body.innerHTML = '';
});

/** Runs the probe as the browser runs an init script: its text alone, nothing of this module. */
function installProbe(selector: string): void {
  windowRecord[BINDING] = async (report: ProbeReport) => void reports.push(report);
  new Function(probeScript({ selector, binding: BINDING }))();
}

const kinds = () => reports.map((report) => report.kind);

test("the probe reports the paint after the declaration's last section arrives, once", async () => {
  installProbe('section[id="about-policy"]');
  // The loading state paints first: a change, but not the declaration.
  document.body.innerHTML = '<main data-testid="state-loading"><p>Loading</p></main>';
  await vi.waitFor(() => expect(kinds()).toContain('lastChange'));
  expect(kinds()).not.toContain('declaration');

  document.body.innerHTML =
    '<section id="data-collected"><h2>Data collected</h2></section>' +
    '<section id="about-policy"><h2>About this policy</h2></section>';
  await vi.waitFor(() => expect(kinds()).toContain('declaration'));
  const declaration = reports.find((report) => report.kind === 'declaration')!;
  expect(declaration.timeOrigin).toBe(performance.timeOrigin);
  expect(declaration.url).toBe(location.href);
  expect(declaration.time).toBeGreaterThan(0);

  // Later changes (the versions table arriving) move the last change, never the declaration.
  const changes = reports.filter((report) => report.kind === 'lastChange').length;
  document.body.insertAdjacentHTML('beforeend', '<section id="versions"><table></table></section>');
  await vi.waitFor(() =>
    expect(reports.filter((report) => report.kind === 'lastChange').length).toBeGreaterThan(
      changes,
    ),
  );
  expect(kinds().filter((kind) => kind === 'declaration')).toHaveLength(1);
});

test('the probe reports nothing when no frame exposes the binding', async () => {
  new Function(probeScript({ selector: 'section[id="about-policy"]', binding: 'absent' }))();
  document.body.innerHTML = '<section id="about-policy"><h2>About this policy</h2></section>';
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(reports).toEqual([]);
});
