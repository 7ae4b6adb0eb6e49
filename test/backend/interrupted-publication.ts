import { kvs } from '@forge/kvs';
import type { LocalForge } from '../../src/local/forge/index.ts';

/**
 * Runs `publish` as a publication that stops right before its version becomes the served one:
 * everything it writes is written except its last storage request, the one that moves the
 * pointer, which fails. Found by running it once on a copy of the store, which is then put back.
 * Answers the error it stopped with.
 */
export async function stoppedBeforeThePointer(
  forge: LocalForge,
  publish: () => Promise<unknown>,
): Promise<unknown> {
  const before = forge.snapshot();
  forge.stats.reset();
  await publish();
  const requests = forge.stats.storageCalls;
  forge.clear();
  for (const [key, value] of Object.entries(before)) await kvs.set(key, value);

  forge.faults.failCall(requests);
  const outcome = await publish().then(
    () => undefined,
    (error: unknown) => error ?? new Error('publish failed without a reason'),
  );
  forge.faults.clear();
  if (outcome === undefined) throw new Error('The publication completed; it was to stop.');
  return outcome;
}
