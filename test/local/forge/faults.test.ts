import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalForge, type LocalForge } from '../../../src/local/forge/index.ts';
import { exampleDeclaration } from './fixtures.ts';

const upsmith = exampleDeclaration('upsmith-zendesk-sell-for-jsm.yaml');
const oci = exampleDeclaration('oci-europe-web-service.yaml');

let forge: LocalForge;
beforeEach(() => {
  forge = createLocalForge().install();
});
afterEach(() => forge.uninstall());

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as ForgeKvsAPIError,
  );

describe('stats', () => {
  it('counts one storage call per SDK request, per operation, and resets', async () => {
    await kvs.set('declaration:current', upsmith);
    await kvs.get('declaration:current');
    await kvs.get('declaration:missing');
    await kvs.transact().set('declaration:version:1', upsmith).execute();
    expect(forge.stats.storageCalls).toBe(4);
    expect(forge.stats.byOperation).toEqual({ set: 1, get: 2, transaction: 1 });
    expect(forge.stats.productCalls).toBe(0);
    forge.stats.reset();
    expect(forge.stats.storageCalls).toBe(0);
    expect(forge.stats.byOperation).toEqual({});
  });
});

describe('faults', () => {
  it('fails exactly the n-th call from now with a 500, leaving the store untouched', async () => {
    await kvs.set('declaration:current', upsmith);
    forge.faults.failCall(2);
    await kvs.get('declaration:current');
    const e = await rejection(kvs.set('declaration:current', oci));
    expect(e).toBeInstanceOf(ForgeKvsAPIError);
    expect(e?.responseDetails.status).toBe(500);
    expect(e?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(forge.snapshot()).toEqual({ 'declaration:current': upsmith });
    await kvs.set('declaration:current', oci);
    expect(await kvs.get('declaration:current')).toEqual(oci);
  });

  it('answers a failed call with the given status, code and message', async () => {
    forge.faults.failCall(1, {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'Storage is down for maintenance',
    });
    const e = await rejection(kvs.get('declaration:current'));
    expect(e?.responseDetails.status).toBe(503);
    expect(e?.code).toBe('SERVICE_UNAVAILABLE');
    expect(e?.message).toBe('Storage is down for maintenance');
  });

  it('fails every call of one operation until cleared; other operations still work', async () => {
    await kvs.set('declaration:version:1', upsmith);
    forge.faults.failOperation('transaction');
    for (let i = 0; i < 2; i += 1) {
      const e = await rejection(kvs.transact().set('declaration:version:2', oci).execute());
      expect(e?.responseDetails.status).toBe(500);
    }
    expect(await kvs.get('declaration:version:1')).toEqual(upsmith);
    forge.faults.clear();
    await kvs.transact().set('declaration:version:2', oci).execute();
    expect(await kvs.get('declaration:version:2')).toEqual(oci);
  });

  it('answers the next calls with 429 RATE_LIMIT_EXCEEDED, then recovers', async () => {
    forge.faults.rateLimit(2);
    for (let i = 0; i < 2; i += 1) {
      const e = await rejection(kvs.set('declaration:current', upsmith));
      expect(e?.responseDetails.status).toBe(429);
      expect(e?.code).toBe('RATE_LIMIT_EXCEEDED');
    }
    expect(forge.snapshot()).toEqual({});
    await kvs.set('declaration:current', upsmith);
    expect(forge.snapshot()).toEqual({ 'declaration:current': upsmith });
    expect(forge.stats.storageCalls).toBe(3);
  });

  it('delays storage answers: the SDK call stays pending until the delayed answer arrives', async () => {
    forge.faults.delay(30);
    let settled = false;
    const pending = kvs.set('declaration:current', upsmith).then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await pending;
    expect(settled).toBe(true);
    expect(await kvs.get('declaration:current')).toEqual(upsmith);
  });

  it('rejects nonsense fault settings with a clear error', () => {
    expect(() => forge.faults.failCall(0)).toThrow(/n ≥ 1/);
    expect(() => forge.faults.rateLimit(-1)).toThrow(/≥ 0/);
  });
});

describe('install and uninstall', () => {
  it('restores the previous __forge_fetch__', () => {
    const g = globalThis as { __forge_fetch__?: unknown };
    forge.uninstall();
    expect('__forge_fetch__' in g).toBe(false);
    const other = async () => new Response(null, { status: 204 });
    g.__forge_fetch__ = other;
    const second = createLocalForge().install();
    expect(g.__forge_fetch__).not.toBe(other);
    second.uninstall();
    expect(g.__forge_fetch__).toBe(other);
    delete g.__forge_fetch__;
  });
});
