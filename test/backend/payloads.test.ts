import { PAYLOAD_SCHEMAS, RESOLVER_KEYS, type ApiErrorCode } from '@declaration';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { handler } from '../../src/index.ts';
import { loadExample } from '../examples/load-example.ts';
import { JIRA_ADMIN_PAGE, useLocalForge } from './forge-harness.ts';

const { forge, call } = useLocalForge();
const oci = loadExample('examples/oci-europe-web-service.yaml');

// Every resolver key, with the schema its payloads must match (the compiler keeps it complete).
const SCHEMAS: Record<string, z.ZodType> = PAYLOAD_SCHEMAS;
const CODES: ApiErrorCode[] = ['INVALID_PAYLOAD', 'NOT_FOUND'];

/** Payloads a broken or hostile page might send: anything JSON can carry, and then some. */
const payloads = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: false, maxDepth: 3 }),
  fc.record({ version: fc.oneof(fc.double(), fc.string(), fc.constant(null)) }),
  fc.record({ from: fc.integer(), to: fc.integer() }),
  fc.record({ cursor: fc.string({ maxLength: 400 }), limit: fc.integer() }),
  fc.constant({ version: 1, __proto__: { admin: true } }),
  fc.constant({ cursor: 'x'.repeat(300_000) }),
);

describe('every resolver answers malformed payloads with an error and changes nothing', () => {
  for (const [functionKey, schema] of Object.entries(SCHEMAS)) {
    it(functionKey, async () => {
      await publishDeclaration(oci, '1.0.0');
      const before = forge().snapshot();
      await fc.assert(
        fc.asyncProperty(payloads, async (payload) => {
          // JSON round trip as the bridge sends it; @forge/resolver turns a falsy payload into {}.
          // Payloads that happen to be valid are skipped.
          const sent = JSON.parse(JSON.stringify(payload ?? null) ?? 'null');
          fc.pre(!schema.safeParse(sent || {}).success);
          const answer = await call(functionKey, sent, JIRA_ADMIN_PAGE);
          expect(answer.ok).toBe(false);
          expect(CODES).toContain(answer.error.code);
          expect(answer.error.message.length).toBeLessThan(600);
          expect(forge().snapshot()).toEqual(before);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('answers an unknown function key instead of throwing', async () => {
    const answer = await handler(
      { call: { functionKey: 'admin/delete-everything', payload: {} }, context: {} },
      {},
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers a storage outage as STORAGE_ERROR without its internal details', async () => {
    await publishDeclaration(oci, '1.0.0');
    forge().faults.failOperation('query', {
      status: 500,
      code: 'INTERNAL_SERVER_ERROR',
      message: 'disk on fire at /srv/kvs',
    });
    const answer = await call(RESOLVER_KEYS.getDisclosure, {}, JIRA_ADMIN_PAGE);
    expect(answer).toMatchObject({ ok: false, error: { code: 'STORAGE_ERROR' } });
    expect(answer.error.message).not.toContain('/srv/kvs');
  });
});
