import * as tslib from 'tslib';
import { describe, expect, test } from 'vitest';
import * as helpers from '../../static/disclosure/src/api/tslib-helpers.ts';

/** A CommonJS module as TypeScript compiles one: `__esModule`, a getter export, a value. */
function compiledModule() {
  const module: Record<string, unknown> = {};
  Object.defineProperty(module, '__esModule', { value: true });
  Object.defineProperty(module, 'invoke', { enumerable: true, get: () => 'invoke' });
  module.view = { getContext: 'getContext' };
  module.default = 'the default';
  return module;
}

/** A plain CommonJS module (no `__esModule`), as `lodash/get` is. */
const plainModule = () => Object.assign(() => 'get', { cache: 'cache' });

/** What a target object reads after the helper ran: its own keys and values, and getters kept. */
function reading(target: object) {
  return Object.getOwnPropertyNames(target).map((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    return [
      key,
      (target as Record<string, unknown>)[key],
      'get' in descriptor,
      descriptor.enumerable,
    ];
  });
}

describe("the page's tslib helpers answer as tslib's do", () => {
  test('__exportStar re-exports all but the default, keeping what the target has', () => {
    for (const source of [compiledModule(), plainModule()]) {
      const [ours, theirs] = [{ view: 'own' }, { view: 'own' }];
      helpers.__exportStar(source as never, ours);
      tslib.__exportStar(source, theirs);
      expect(reading(ours)).toEqual(reading(theirs));
    }
  });

  test('__importDefault wraps a plain module and passes a compiled one', () => {
    const compiled = compiledModule();
    expect(helpers.__importDefault(compiled as never)).toBe(tslib.__importDefault(compiled));
    const plain = plainModule();
    expect(reading(helpers.__importDefault(plain as never))).toEqual(
      reading(tslib.__importDefault(plain)),
    );
  });

  test('__importStar copies a plain module with itself as the default', () => {
    const compiled = compiledModule();
    expect(helpers.__importStar(compiled as never)).toBe(tslib.__importStar(compiled));
    const plain = plainModule();
    const ours = helpers.__importStar(plain as never);
    expect(reading(ours)).toEqual(reading(tslib.__importStar(plain)));
    expect(ours.default).toBe(plain);
  });
});
