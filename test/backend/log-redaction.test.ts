import { describe, expect, it } from 'vitest';
import { describeCause, withoutAccountIds } from '../../src/backend/errors.ts';
import { DEFAULT_KEYS, storageKeys } from '../../src/backend/keys.ts';

const ACCOUNT = '557058:f3a1b2c4-0d9e-4e2a-9c1b-7a6d5e4f3a21';
const AT = '2026-12-01T09:30:00.000Z';

describe('what the backend logs holds no account id', () => {
  it('drops the account id of a review key wherever it stands, under any key prefix', () => {
    for (const keys of [DEFAULT_KEYS, storageKeys('vendor-app:disclosure:')]) {
      const key = keys.review(3, AT, ACCOUNT);
      const line = withoutAccountIds(`Forge storage could not write "${key}, ${key}" (500)`);
      expect(line).not.toContain(ACCOUNT);
      expect(line).toContain(`review:0000003:${AT}:…`);
    }
  });

  it('keeps every other key as it is', () => {
    const line = `could not read "${DEFAULT_KEYS.meta(2)}" or "${DEFAULT_KEYS.current}"`;
    expect(withoutAccountIds(line)).toBe(line);
  });

  it('describes a cause by name, code, message and stack, redacted, never as an object', () => {
    const cause = Object.assign(new Error(`key ${DEFAULT_KEYS.review(1, AT, ACCOUNT)} failed`), {
      code: 'INTERNAL_SERVER_ERROR',
    });
    const described = describeCause(cause);
    expect(described.split('\n')[0]).toBe(
      `Error INTERNAL_SERVER_ERROR: key privacy-disclosure:review:0000001:${AT}:… failed`,
    );
    expect(described).not.toContain(ACCOUNT);
    expect(describeCause({ key: DEFAULT_KEYS.review(1, AT, ACCOUNT) })).not.toContain(ACCOUNT);
    expect(describeCause(undefined)).toBe('');
  });
});
