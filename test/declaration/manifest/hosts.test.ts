import { describe, expect, it } from 'vitest';
import {
  covers,
  coversPart,
  parseHost,
  showHost,
} from '../../../src/declaration/manifest/hosts.ts';

const host = (text: string) => {
  const pattern = parseHost(text);
  if (!pattern) throw new Error(`no host in ${text}`);
  return pattern;
};

describe('parseHost', () => {
  it.each([
    ['https://api.example.com', 'api.example.com'],
    ['https://API.Example.com:8443/v1/events?x=1', 'api.example.com'],
    ['*.example.com', '*.example.com'],
    ['https://*.example.com/path', '*.example.com'],
    ['example.com.', 'example.com'],
    ['*', '*'],
  ])('reads %s as %s', (written, shown) => {
    expect(showHost(host(written))).toBe(shown);
  });

  it('reads no host from an empty address or a bare scheme', () => {
    expect(parseHost('')).toBeUndefined();
    expect(parseHost('https://')).toBeUndefined();
    expect(parseHost('*.')).toBeUndefined();
  });
});

describe('covers', () => {
  it.each([
    ['*.example.com', 'api.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', '*.api.example.com', true],
    ['*.example.com', '*.example.com', true],
    // Forge: a wildcard never grants its own parent domain.
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'api.example.org', false],
    ['*.example.com', 'badexample.com', false],
    ['api.example.com', 'api.example.com', true],
    ['https://api.example.com', 'api.example.com:443', true],
    ['api.example.com', '*.example.com', false],
    ['api.example.com', 'eu.api.example.com', false],
    ['*', 'anything.example', true],
    ['*.example.com', '*', false],
  ])('%s covers %s: %s', (declared, reached, expected) => {
    expect(covers(host(declared), host(reached))).toBe(expected);
  });

  it('says when a declared host names only part of a manifest wildcard', () => {
    expect(coversPart(host('api.example.com'), host('*.example.com'))).toBe(true);
    expect(coversPart(host('*.eu.example.com'), host('*.example.com'))).toBe(true);
    expect(coversPart(host('*.example.com'), host('*.example.com'))).toBe(false);
    expect(coversPart(host('api.example.org'), host('*.example.com'))).toBe(false);
    expect(coversPart(host('api.example.com'), host('*'))).toBe(true);
  });
});
