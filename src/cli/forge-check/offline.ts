/**
 * The process as the check runs in it: no network, the app's folder as the working directory
 * (Forge's tools read tsconfig.json and manifest.yml from there), and the variables Forge's
 * tools read set for the run. Everything is put back afterwards, so that a caller in the same
 * process finds its working directory, environment and `fetch` as they were.
 */

/**
 * A `fetch` that fails loudly with its address: every part of the check must work from local
 * files, and a request would otherwise hang, or pass by luck when a network happens to exist.
 */
function refusingFetch(input: string | URL | Request): Promise<Response> {
  const address = input instanceof Request ? input.url : String(input);
  return Promise.reject(new Error(`forge-check is offline, but a Forge tool asked for ${address}`));
}

/** Runs `work` offline in `dir` with `env` added to the environment, then restores all three. */
export async function offlineIn<T>(
  dir: string,
  env: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  const cwd = process.cwd();
  const { fetch } = globalThis;
  const before = Object.entries(env).map(([name]) => [name, process.env[name]] as const);
  globalThis.fetch = refusingFetch;
  Object.assign(process.env, env);
  process.chdir(dir);
  try {
    return await work();
  } finally {
    process.chdir(cwd);
    globalThis.fetch = fetch;
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
