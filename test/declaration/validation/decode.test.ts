import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLocatedIssue,
  validateDeclarationBytes,
  validateDeclarationText,
} from '@declaration';
import { findInvalidUtf8 } from '@declaration/validation/decode.ts';

// TechTime's "User Management" policy (seed 000) as a valid declaration.
const FILE = 'user-management.yaml';
const valid = readFileSync(
  new URL('../fixtures/techtime-user-management.yaml', import.meta.url),
  'utf8',
);
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

function bytesOf(...parts: (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((part) =>
    typeof part === 'string' ? new TextEncoder().encode(part) : part,
  );
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** Every problem as `line:column  path  message`, without the file name. */
function problems(result: ReturnType<typeof validateDeclarationBytes>): string[] {
  const issues = result.ok ? result.warnings : result.issues;
  return issues.map((issue) => formatLocatedIssue(issue).slice(FILE.length + 1));
}

describe('validateDeclarationBytes: bytes that are not UTF-8', () => {
  it('accepts the TechTime declaration as UTF-8 bytes', () => {
    const result = validateDeclarationBytes(bytesOf(valid), FILE);
    expect(result.ok && result.declaration.vendor.legalName).toBe(
      'TechTime Initiative Group Limited',
    );
  });

  it('reports a Latin-1 é at its line and column instead of reading it as U+FFFD', () => {
    // "TechTime Initiative Group Limited" is on line 4, after "  legalName: " (13 characters).
    const [before, after] = valid.split('TechTime Initiative') as [string, string];
    const result = validateDeclarationBytes(
      bytesOf(before, 'Tech', new Uint8Array([0xe9]), 'Time Initiative', after),
      FILE,
    );
    expect(result.ok).toBe(false);
    expect(problems(result)).toEqual([
      '4:18  the file is not valid UTF-8: byte 0xE9 is not a UTF-8 character (is it saved in another encoding, such as Latin-1 or Windows-1252?); save it as UTF-8',
    ]);
  });

  it('counts columns in characters: multi-byte UTF-8 before the bad byte counts once', () => {
    const text = valid.replace('tradingName: TechTime', 'tradingName: Täch€ ');
    const at = text.indexOf('Täch€ ') + 'Täch€ '.length;
    const result = validateDeclarationBytes(
      bytesOf(text.slice(0, at), new Uint8Array([0xe2, 0x82]), text.slice(at)),
      FILE,
    );
    // Line 5 is "  tradingName: Täch€ ": the cut-off euro sign is its 22nd character.
    expect(problems(result)).toEqual([
      expect.stringMatching(/^5:22 {2}the file is not valid UTF-8: bytes 0xE2 0x82 are not/),
    ]);
  });

  it('reports an invalid byte on the first line at column 1 even after a byte order mark', () => {
    const result = validateDeclarationBytes(bytesOf(BOM, new Uint8Array([0xff]), valid), FILE);
    expect(problems(result)).toEqual([
      expect.stringMatching(/^1:1 {2}the file is not valid UTF-8/),
    ]);
  });

  it('says a UTF-16 file is UTF-16', () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'schemaVersion: 1'].flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(problems(validateDeclarationBytes(utf16, FILE))).toEqual([
      '1:1  the file is UTF-16 text; save it as UTF-8',
    ]);
  });

  it('refuses more than 2 MB of bytes before decoding them', () => {
    const result = validateDeclarationBytes(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x20), FILE);
    expect(problems(result)).toEqual([
      expect.stringMatching(/^1:1 {2}the file is larger than 2 MB/),
    ]);
  });
});

describe('validateDeclarationBytes and validateDeclarationText: a byte order mark', () => {
  // A misspelt first key: the error is on line 2 of the fixture, at column 1.
  const misspelt = valid.replace('schemaVersion: 2', 'schemaVersoin: 2');
  const firstLine = misspelt.slice(misspelt.indexOf('schemaVersoin'));

  it('reports columns on line 1 as if the BOM were not there', () => {
    const withoutBom = problems(validateDeclarationBytes(bytesOf(firstLine), FILE));
    expect(withoutBom).toEqual([
      '1:1  schemaVersoin  unknown field "schemaVersoin"; did you mean "schemaVersion"?',
    ]);
    expect(problems(validateDeclarationBytes(bytesOf(BOM, firstLine), FILE))).toEqual(withoutBom);
    expect(problems(validateDeclarationText(`\ufeff${firstLine}`, FILE))).toEqual(withoutBom);
  });

  it('accepts a valid declaration saved with a BOM', () => {
    expect(validateDeclarationBytes(bytesOf(BOM, valid), FILE).ok).toBe(true);
    expect(validateDeclarationText(`\ufeff${valid}`, FILE).ok).toBe(true);
  });
});

describe('findInvalidUtf8', () => {
  it('finds nothing exactly when a strict decoder accepts the bytes, and stops where it stops', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    // Bytes drawn mostly from the ranges UTF-8 is made of, so that both outcomes are common.
    const utf8ish = fc
      .uint8Array({ maxLength: 12 })
      .map((bytes) => bytes.map((byte) => (byte < 0x40 ? byte : 0x80 + (byte % 0x78))));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        utf8ish,
        fc.string({ unit: 'binary' }),
        (a, b, c) => {
          const bytes = bytesOf(a, b, c);
          const invalid = findInvalidUtf8(bytes);
          let decodes = true;
          try {
            strict.decode(bytes);
          } catch {
            decodes = false;
          }
          expect(invalid === undefined).toBe(decodes);
          if (!invalid) return;
          // Everything before it decodes; one lenient U+FFFD stands for exactly its bytes.
          expect(() => strict.decode(bytes.subarray(0, invalid.offset))).not.toThrow();
          const lenient = new TextDecoder('utf-8').decode(bytes.subarray(invalid.offset));
          const rest = new TextDecoder('utf-8').decode(
            bytes.subarray(invalid.offset + invalid.bytes.length),
          );
          expect(lenient).toBe(`\ufffd${rest}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects encoded surrogates and overlong forms', () => {
    expect(findInvalidUtf8(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toEqual({
      offset: 1,
      bytes: new Uint8Array([0xed]),
    });
    expect(findInvalidUtf8(new Uint8Array([0xc0, 0xaf]))?.offset).toBe(0);
    expect(findInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))?.offset).toBe(0);
  });
});
