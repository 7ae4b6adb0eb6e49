// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { toCsv, toMarkdown } from '@declaration';
import { createTranslator, ENGLISH, type Translator } from '@declaration/i18n/index.ts';
import { Downloads } from '../../static/disclosure/src/components/Downloads.tsx';
import { TranslatorContext } from '../../static/disclosure/src/i18n/index.ts';
import { example } from './examples.ts';
import { renderWithLocale } from './render.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

const techtime = example('techtime-user-management');

/** How many times the page loaded its export code (Downloads imports it on demand). */
const exportCode = vi.hoisted(() => ({ loads: 0 }));
vi.mock('../../static/disclosure/src/export-files.ts', async (importOriginal) => {
  exportCode.loads += 1;
  return importOriginal();
});

/** What the page handed to the browser: the file name and the Blob behind the object URL. */
const saved: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  saved.length = 0;
  const blobs = new Map<string, Blob>();
  // jsdom has no object URLs; record the Blob and the anchor click that saves it.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:disclosure/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function download(testId: string, translator?: Translator) {
  const user = userEvent.setup();
  const downloads = <Downloads declaration={techtime} />;
  renderWithLocale(
    translator ? (
      <TranslatorContext.Provider value={translator}>{downloads}</TranslatorContext.Provider>
    ) : (
      downloads
    ),
  );
  await user.click(screen.getByTestId(testId));
  await waitFor(() => expect(saved).toHaveLength(1));
  return { name: saved[0]!.name, type: saved[0]!.blob.type, text: await saved[0]!.blob.text() };
}

// First in this file: the export code is loaded once per page, on the first download.
test('the export code is loaded when an admin asks for a file, not with the page', async () => {
  renderWithLocale(<Downloads declaration={techtime} />);
  expect(screen.getByTestId('download-csv')).toBeTruthy();
  expect(exportCode.loads).toBe(0);
  await userEvent.setup().click(screen.getByTestId('download-csv'));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(exportCode.loads).toBe(1);
  expect(await saved[0]!.blob.text()).toBe(toCsv(techtime, { translator: ENGLISH }));
});

test('JSON download is the declaration, named after the app and policy version', async () => {
  const file = await download('download-json');
  expect(file.name).toBe(`user-management-privacy-${techtime.policy.version}.json`);
  expect(file.type).toContain('application/json');
  const parsed = JSON.parse(file.text);
  expect(parsed.app.name).toBe(techtime.app.name);
  expect(parsed.dataCategories.map((c: { id: string }) => c.id)).toEqual(
    techtime.dataCategories.map((c) => c.id),
  );
});

test('Markdown download is the Markdown export', async () => {
  const file = await download('download-markdown');
  expect(file.name).toMatch(/\.md$/);
  expect(file.text).toBe(toMarkdown(techtime, { translator: ENGLISH }));
  expect(file.text).toContain('User Management');
});

/** A German admin's page: its translator reads the section names in German. */
const german = createTranslator('de-DE', {
  section: { dataCollected: 'Erhobene Daten', recipients: 'Wer die Daten noch erhält' },
});

test('Markdown and CSV downloads are written in the admin’s language, with the page’s translator', async () => {
  const markdown = await download('download-markdown', german);
  expect(markdown.text).toBe(toMarkdown(techtime, { translator: german }));
  expect(markdown.text).toContain('## Erhobene Daten');
  expect(markdown.text).not.toContain('## Data collected');
  saved.length = 0;
  cleanup();
  const csv = await download('download-csv', german);
  expect(csv.text).toBe(toCsv(techtime, { translator: german }));
});

test('CSV download is the CSV export, naming every data category', async () => {
  const file = await download('download-csv');
  expect(file.name).toMatch(/\.csv$/);
  expect(file.type).toContain('text/csv');
  expect(file.text).toBe(toCsv(techtime, { translator: ENGLISH }));
  expect(file.text.startsWith('"Category",')).toBe(true);
  for (const category of techtime.dataCategories) {
    expect(file.text).toContain(category.name as string);
  }
});
