import {
  ForgeKvsAPIError,
  Filter,
  FilterConditions,
  kvs,
  MetadataField,
  WhereConditions,
} from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalForge, type LocalForge } from '../../../src/local/forge/index.ts';
import { EXAMPLES, exampleDeclaration } from './fixtures.ts';

const techtime = exampleDeclaration('techtime-user-management.yaml');
const exalate = exampleDeclaration('exalate-cloud.yaml');

let forge: LocalForge;
beforeEach(() => {
  forge = createLocalForge().install();
});
afterEach(() => forge.uninstall());

/** The error the real SDK throws, so tests can assert Atlassian's code and HTTP status. */
async function kvsError(promise: Promise<unknown>): Promise<ForgeKvsAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForgeKvsAPIError);
  return error as ForgeKvsAPIError;
}

describe('get, set, delete through the real @forge/kvs', () => {
  it('round-trips a real declaration and forgets it after delete', async () => {
    await kvs.set('declaration:current', techtime);
    expect(await kvs.get('declaration:current')).toEqual(techtime);
    await kvs.delete('declaration:current');
    expect(await kvs.get('declaration:current')).toBeUndefined();
    expect(forge.snapshot()).toEqual({});
  });

  it('answers a missing key with undefined (a 404 KEY_NOT_FOUND on the wire)', async () => {
    expect(await kvs.get('declaration:version:7')).toBeUndefined();
    await expect(kvs.delete('declaration:version:7')).resolves.toBeUndefined();
  });

  it('stores a copy: changing the caller object afterwards does not change what is stored', async () => {
    const value = structuredClone(exalate);
    await kvs.set('declaration:current', value);
    (value.vendor as Record<string, unknown>).legalName = 'Someone else';
    expect(await kvs.get('declaration:current')).toEqual(exalate);
  });

  it('returns the previous value with returnValue PREVIOUS and metadata when asked', async () => {
    await kvs.set('declaration:current', techtime);
    const previous = await kvs.set('declaration:current', exalate, {
      keyPolicy: 'OVERRIDE',
      returnValue: 'PREVIOUS',
    });
    expect(previous?.value).toEqual(techtime);
    const read = await kvs.get('declaration:current', {
      metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT],
    });
    expect(read?.value).toEqual(exalate);
    expect(read?.createdAt).toBeTypeOf('number');
  });

  it('keeps secrets and custom entities apart from plain keys', async () => {
    await kvs.setSecret('review', 'secret token');
    await kvs.entity<{ version: number }>('review-mark').set('review', { version: 2 });
    await kvs.set('review', 'plain');
    expect(await kvs.getSecret('review')).toBe('secret token');
    expect(await kvs.entity('review-mark').get('review')).toEqual({ version: 2 });
    expect(forge.snapshot()).toEqual({
      review: 'plain',
      'secret/review': 'secret token',
      'entity/review-mark/review': { version: 2 },
    });
  });
});

describe('query', () => {
  it('pages through keys with a prefix in key order, following cursors until the last page', async () => {
    for (let v = 1; v <= 12; v += 1)
      await kvs.set(`declaration:version:${String(v).padStart(3, '0')}`, { version: v });
    await kvs.set('review:acc-1', { version: 3 });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('declaration:version:')).limit(5);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany<{ version: number }>();
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(
      Array.from({ length: 12 }, (_, i) => `declaration:version:${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('returns ten results by default and no cursor when nothing remains', async () => {
    for (const [i, file] of EXAMPLES.entries())
      await kvs.set(`example:${i}`, exampleDeclaration(file));
    const page = await kvs.query().getMany();
    expect(page.results).toHaveLength(5);
    expect(page.nextCursor).toBeUndefined();
    expect(page.results[0]).toEqual({ key: 'example:0', value: techtime });
  });

  it('rejects a limit above 100 with LIST_QUERY_LIMIT_EXCEEDED', async () => {
    const e = await kvsError(kvs.query().limit(500).getMany());
    expect(e.code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
    expect(e.responseDetails.status).toBe(400);
  });
});

describe('custom entity queries (basic)', () => {
  it('lists entities in key order, filtered by attribute, across pages', async () => {
    const marks = kvs.entity<{ version: number }>('review-mark');
    for (const [account, version] of [
      ['acc-1', 1],
      ['acc-2', 3],
      ['acc-3', 2],
      ['acc-4', 3],
    ] as const) {
      await marks.set(account, { version });
    }
    const current = new Filter<{ version: number }>().and(
      'version',
      FilterConditions.greaterThan(1),
    );
    const first = await marks.query().index('by-account').filters(current).limit(2).getMany();
    expect(first.results.map((r) => r.key)).toEqual(['acc-2', 'acc-3']);
    const second = await marks
      .query()
      .index('by-account')
      .filters(current)
      .cursor(first.nextCursor!)
      .getMany();
    expect(second.results).toEqual([{ key: 'acc-4', value: { version: 3 } }]);
    expect(second.nextCursor).toBeUndefined();
  });

  it('says clearly that it cannot evaluate an index partition', async () => {
    const e = await kvsError(
      kvs
        .entity('review-mark')
        .query()
        .index('by-version', { partition: [3] })
        .getMany(),
    );
    expect(e.responseDetails.status).toBe(400);
    expect(e.message).toContain('by-version');
  });
});

describe('batch operations', () => {
  it('sets the valid items and reports the invalid ones per key', async () => {
    const result = await kvs.batchSet([
      { key: 'declaration:version:1', value: techtime },
      { key: 'declaration/version/2', value: exalate },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'declaration:version:1' }]);
    expect(result.failedKeys).toEqual([
      { key: 'declaration/version/2', error: expect.objectContaining({ code: 'INVALID_KEY' }) },
    ]);
    expect(Object.keys(forge.snapshot())).toEqual(['declaration:version:1']);
    const deleted = await kvs.batchDelete([{ key: 'declaration:version:1' }]);
    expect(deleted.failedKeys).toEqual([]);
    expect(forge.snapshot()).toEqual({});
  });
});

describe('transactions', () => {
  it('commits every set and delete together', async () => {
    await kvs.set('declaration:draft', techtime);
    await kvs
      .transact()
      .set('declaration:version:1', techtime)
      .set('declaration:current', techtime)
      .delete('declaration:draft')
      .execute();
    expect(forge.snapshot()).toEqual({
      'declaration:version:1': techtime,
      'declaration:current': techtime,
    });
  });

  it('writes nothing when a check fails, answering 409 CONDITIONAL_CHECK_FAILED', async () => {
    await kvs.entity('publication').set('current', { version: 1 });
    const before = forge.snapshot();
    const stale = new Filter<{ version: number }>().and('version', FilterConditions.equalTo(0));
    const e = await kvsError(
      kvs
        .transact()
        .set('declaration:version:2', exalate)
        .set('current', { version: 2 }, { entityName: 'publication', conditions: stale })
        .execute(),
    );
    expect(e.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(e.responseDetails.status).toBe(409);
    expect(forge.snapshot()).toEqual(before);
  });

  it('commits when the check holds', async () => {
    await kvs.entity('publication').set('current', { version: 1 });
    const current = new Filter<{ version: number }>().and('version', FilterConditions.equalTo(1));
    await kvs
      .transact()
      .set('declaration:version:2', exalate)
      .check('current', { entityName: 'publication', conditions: current })
      .execute();
    expect(await kvs.get('declaration:version:2')).toEqual(exalate);
  });

  it('refuses FAIL_IF_EXISTS on an existing key inside a transaction, writing nothing', async () => {
    await kvs.set('declaration:version:1', techtime);
    const failIfExists = { keyPolicy: 'FAIL_IF_EXISTS' } as never;
    const e = await kvsError(
      kvs
        .transact()
        .set('declaration:current', exalate)
        .set('declaration:version:1', exalate, undefined, failIfExists)
        .execute(),
    );
    expect(e.responseDetails.status).toBe(409);
    expect(forge.snapshot()).toEqual({ 'declaration:version:1': techtime });
  });

  it('rejects a transaction that uses one key twice or holds more than 25 operations', async () => {
    const twice = await kvsError(
      kvs.transact().set('declaration:current', techtime).delete('declaration:current').execute(),
    );
    expect(twice.responseDetails.status).toBe(400);
    let big = kvs.transact();
    for (let i = 0; i < 26; i += 1) big = big.set(`declaration:version:${i}`, { version: i });
    const tooMany = await kvsError(big.execute());
    expect(tooMany.message).toContain('25');
    expect(forge.snapshot()).toEqual({});
  });
});

describe('FAIL_IF_EXISTS', () => {
  it('creates a missing key once and refuses the second write with 409, keeping the first value', async () => {
    await kvs.set('declaration:version:1', techtime, { keyPolicy: 'FAIL_IF_EXISTS' });
    const e = await kvsError(
      kvs.set('declaration:version:1', exalate, { keyPolicy: 'FAIL_IF_EXISTS' }),
    );
    expect(e.responseDetails.status).toBe(409);
    expect(e.code).toBe('KEY_ALREADY_EXISTS');
    expect(await kvs.get('declaration:version:1')).toEqual(techtime);
  });
});

describe('limits with Atlassian error codes', () => {
  it.each([
    { label: 'empty', key: '', code: 'KEY_TOO_SHORT' },
    { label: '501 characters long', key: 'k'.repeat(501), code: 'KEY_TOO_LONG' },
    { label: 'using slashes', key: 'declaration/version/1', code: 'INVALID_KEY' },
    { label: 'only spaces', key: '   ', code: 'INVALID_KEY' },
  ])('rejects a key that is $label with $code', async ({ key, code }) => {
    const e = await kvsError(kvs.set(key, techtime));
    expect(e.code).toBe(code);
    expect(e.responseDetails.status).toBe(400);
    expect(forge.snapshot()).toEqual({});
  });

  it('accepts a 500-character key with spaces, dots, colons, dashes and hashes', async () => {
    const key = `declaration #1 v1.0:review-${'x'.repeat(473)}`;
    expect(key).toHaveLength(500);
    await kvs.set(key, techtime);
    expect(await kvs.get(key)).toEqual(techtime);
  });

  it('rejects a value over 240 KiB with MAX_SIZE and accepts one just under', async () => {
    const padding = (bytes: number) => ({ ...techtime, notes: ['x'.repeat(bytes)] });
    const base = Buffer.byteLength(JSON.stringify(padding(0)));
    await kvs.set('declaration:big', padding(240 * 1024 - base));
    const e = await kvsError(kvs.set('declaration:too-big', padding(240 * 1024 - base + 1)));
    expect(e.code).toBe('MAX_SIZE');
    expect(e.message).toContain('declaration:too-big');
    expect(Object.keys(forge.snapshot())).toEqual(['declaration:big']);
  });

  it('rejects a value nested deeper than 31 levels with MAX_DEPTH', async () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'EU' : { region: nest(levels - 1) });
    await kvs.set('hosting:deep', nest(31));
    const e = await kvsError(kvs.set('hosting:too-deep', nest(32)));
    expect(e.code).toBe('MAX_DEPTH');
  });
});
