/**
 * `npm start [-- --declaration FILE]`: serves the local preview of the app on
 * http://localhost:8787 (PORT overrides), following the declaration file as it is edited.
 */
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPreviewBackend } from './backend.ts';
import { DeclarationFileError } from './declaration-source.ts';
import { ManifestFileError, previewManifest, readPreviewManifestFacts } from './manifest-facts.ts';
import { PREVIEW_MODULE_KEYS } from './module-keys.ts';
import { startPreviewServer } from './server.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const USAGE = `Usage: npm start [-- --declaration FILE] [--manifest FILE]

Serves the local preview of Privacy Disclosure on http://localhost:8787 (set PORT to change it).
  --declaration FILE   the declaration to preview (default: privacy/declaration.yaml)
  --manifest FILE      the app manifest its page says it was checked against (default:
                       manifest.yml, unless --declaration names another file)
Stored versions and reviews are kept in .preview-data/ between runs. A damaged store is
left as it is; the host page says what is wrong and offers to start over with an empty one.
Only the preview's own pages may use it: other origins and other host names are refused.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        declaration: { type: 'string', short: 'd' },
        manifest: { type: 'string', short: 'm' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const portText = process.env.PORT ?? '8787';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT must be a port number (0-65535), not "${portText}".`, 2);

  const cwd = process.cwd();
  const declarationFile = resolve(cwd, args.declaration ?? 'privacy/declaration.yaml');
  const displayName = relative(cwd, declarationFile) || declarationFile;
  const dataDir = join(cwd, '.preview-data');
  const manifest = previewManifest(args);
  const manifestFacts = manifest
    ? await readPreviewManifestFacts(
        resolve(cwd, manifest.file),
        manifest.file,
        manifest.required,
      ).catch((error: unknown) => {
        if (error instanceof ManifestFileError) fail(error.message, 2);
        throw error;
      })
    : null;
  const backend = await createPreviewBackend({
    persistFile: join(dataDir, 'kvs.json'),
    showPath: (path) => relative(cwd, path) || path,
    manifestFacts,
  });
  const log = (line: string): void => void process.stdout.write(`${line}\n`);

  let server;
  try {
    server = await startPreviewServer({
      port,
      host: '127.0.0.1',
      declarationFile,
      displayName,
      uiDir: join(REPO_ROOT, 'static/disclosure/dist'),
      appDir: REPO_ROOT,
      moduleKeys: PREVIEW_MODULE_KEYS,
      backend,
      log,
    });
  } catch (error) {
    await backend.close();
    if (error instanceof DeclarationFileError) fail(error.message, 2);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      fail(
        `Port ${port} is already in use. Stop whatever is using it, or pick another port: PORT=${port + 1} npm start`,
        1,
      );
    }
    throw error;
  }

  const base = `http://localhost:${server.port}`;
  log(`Privacy Disclosure preview of ${displayName}:`);
  log(
    manifestFacts && manifest
      ? `  Checked against:        ${manifest.file} (Runs on Atlassian: ${manifestFacts.runsOnAtlassian.eligible ? 'yes' : 'no'})`
      : '  Checked against:        no manifest (--manifest FILE names one)',
  );
  log(`  Jira admin page:        ${base}/jira-admin`);
  log(`  Jira global page:       ${base}/jira-global`);
  log(`  Confluence global page: ${base}/confluence-global`);
  log(`  Start page:             ${base}/`);
  log(
    `Storage is kept in ${relative(cwd, dataDir)}/. Edit the file and the page updates. Ctrl+C stops.`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the preview.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`Could not stop cleanly: ${(error as Error).message}`, 1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) =>
  fail(`The preview failed: ${(error as Error).stack ?? String(error)}`, 1),
);
