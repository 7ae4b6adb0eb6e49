import { RESOLVER_KEYS } from '@declaration';
import { vi } from 'vitest';
import type { LocalForge, LocalForgeUser } from '../../src/local/forge/index.ts';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { BUNDLED_DECLARATION } from '../../src/backend/bundled-declaration.generated.ts';
import { MODULE_KEYS, type As } from './forge-harness.ts';

/** A site admin, as Atlassian writes account ids (the format of accounts made since 2018). */
export function siteAdmin(n: number): LocalForgeUser {
  const hex = n.toString(16).padStart(12, '0');
  return {
    accountId: `712020:0d1c5e7a-4b3f-4e21-9a6d-${hex}`,
    jiraAdmin: true,
    confluenceAdmin: true,
  };
}

/** The Jira admin page opened by `user`. */
export const onAdminPage = (user: LocalForgeUser): As => ({
  moduleKey: MODULE_KEYS.jiraAdminPage,
  user,
});

/** Publishes `count` versions of this app's declaration, each with its own policy label. */
export async function publishVersions(count: number): Promise<void> {
  for (let version = 1; version <= count; version += 1) {
    const declaration = structuredClone(BUNDLED_DECLARATION);
    declaration.policy.version = `${BUNDLED_DECLARATION.policy.version}.${version}`;
    await publishDeclaration(declaration, `1.${version}.0`);
  }
}

/** Records a review of `version` by `user` at `at` (the clock is set for it). */
export async function review(
  call: (key: string, payload: unknown, as: As) => Promise<{ ok: boolean }>,
  forge: LocalForge,
  user: LocalForgeUser,
  version: number,
  at: string,
): Promise<void> {
  forge.setUser(user);
  vi.setSystemTime(new Date(at));
  const answer = await call(RESOLVER_KEYS.markReviewed, { version }, onAdminPage(user));
  if (!answer.ok) throw new Error(`review of version ${version} failed: ${JSON.stringify(answer)}`);
}

/** Everything the app logs while `run` runs, as one text. */
export async function logged<T>(
  run: () => Promise<T>,
): Promise<{ result?: T; error?: unknown; text: string }> {
  const lines: string[] = [];
  const capture = (...args: unknown[]) =>
    void lines.push(
      args
        .map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg)))
        .join(' '),
    );
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(capture),
    vi.spyOn(console, 'error').mockImplementation(capture),
    vi.spyOn(console, 'warn').mockImplementation(capture),
  ];
  try {
    return { result: await run(), text: lines.join('\n') };
  } catch (error) {
    return { error, text: lines.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** Every stored key and value as one text, to look for an account id anywhere in storage. */
export function storedText(forge: LocalForge): string {
  return JSON.stringify(forge.snapshot());
}
