import { KVS_ERRORS } from './kvs-rules.ts';

/** An error answer a fault makes the storage API give. */
export interface FaultAnswer {
  status: number;
  code: string;
  message: string;
}

const INTERNAL: FaultAnswer = { ...KVS_ERRORS.internal };
const RATE_LIMITED: FaultAnswer = { ...KVS_ERRORS.rateLimited };

/** Accepts `set`, `entity/get` or the full `/api/v1/set` path. */
export const normaliseOperation = (op: string): string =>
  op.replace(/^\/?api\/v1\//, '').replace(/^\//, '');

/** Faults injected into storage calls: by call number, by operation, rate limits and delays. */
export class StorageFaults {
  private seen = 0;
  private readonly byCall = new Map<number, FaultAnswer>();
  private readonly byOperation = new Map<string, FaultAnswer>();
  private rateLimited = 0;
  /** Milliseconds every storage answer waits before it is computed. */
  delayMs = 0;

  /** See {@link LocalForge.faults}. */
  failCall(n: number, answer: FaultAnswer = INTERNAL): void {
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`failCall(n) needs a whole n ≥ 1 (1 = the next call), got ${n}.`);
    this.byCall.set(this.seen + n, { ...answer });
  }

  failOperation(op: string, answer: FaultAnswer = INTERNAL): void {
    this.byOperation.set(normaliseOperation(op), { ...answer });
  }

  delay(ms: number): void {
    if (!(ms >= 0)) throw new Error(`delay(ms) needs ms ≥ 0, got ${ms}.`);
    this.delayMs = ms;
  }

  rateLimit(times: number): void {
    if (!Number.isInteger(times) || times < 0)
      throw new Error(`rateLimit(times) needs a whole number ≥ 0, got ${times}.`);
    this.rateLimited = times;
  }

  clear(): void {
    this.byCall.clear();
    this.byOperation.clear();
    this.rateLimited = 0;
    this.delayMs = 0;
  }

  /** Registers one storage call and says which fault, if any, answers it instead of the store. */
  next(op: string): FaultAnswer | undefined {
    this.seen += 1;
    const planned = this.byCall.get(this.seen);
    this.byCall.delete(this.seen);
    if (this.rateLimited > 0) {
      this.rateLimited -= 1;
      return RATE_LIMITED;
    }
    return planned ?? this.byOperation.get(op);
  }
}

/** An answer a fault makes the product API give: a status and, if wanted, a body. */
export interface ProductFaultAnswer {
  status: number;
  body?: unknown;
}

/**
 * Faults injected into product requests, by path (`/rest/api/3/user/bulk`): every request to it
 * answers with the fault until cleared, so a test sees what the page does when a look-up fails.
 */
export class ProductFaults {
  private readonly byPath = new Map<string, ProductFaultAnswer>();

  failPath(path: string, answer: ProductFaultAnswer = { status: 500 }): void {
    const pathname = new URL(path, 'https://local-forge.invalid').pathname;
    if (!Number.isInteger(answer.status) || answer.status < 100 || answer.status > 599)
      throw new Error(`failProduct(path, answer) needs an HTTP status, got ${answer.status}.`);
    this.byPath.set(pathname, { ...answer });
  }

  clear(): void {
    this.byPath.clear();
  }

  /** The fault that answers a request to `path`, if any. */
  next(path: string): ProductFaultAnswer | undefined {
    return this.byPath.get(new URL(path, 'https://local-forge.invalid').pathname);
  }
}
