/** Where a file's bytes stop being UTF-8: the first ill-formed sequence. */
export interface InvalidUtf8 {
  /** Byte offset of the sequence's first byte. */
  offset: number;
  /** The bytes of the sequence (the longest start of a character before it goes wrong). */
  bytes: Uint8Array;
}

/** The range the second byte of a sequence must fall in, by its first byte (Unicode table 3-7). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** How many bytes a character starting with `lead` has; 0 when no character starts with it. */
function sequenceLength(lead: number): number {
  if (lead <= 0x7f) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * The first ill-formed UTF-8 sequence in `bytes`, or undefined when all of it is UTF-8. It is
 * where a strict decoder (`new TextDecoder('utf-8', { fatal: true })`) stops, and its length is
 * the "maximal subpart" that a lenient decoder would turn into one U+FFFD.
 */
export function findInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    const length = sequenceLength(lead);
    if (length === 1) {
      at += 1;
      continue;
    }
    if (length === 0) return { offset: at, bytes: bytes.subarray(at, at + 1) };
    let valid = 1;
    for (; valid < length; valid += 1) {
      const byte = bytes[at + valid];
      const [low, high] = valid === 1 ? secondByteRange(lead) : [0x80, 0xbf];
      if (byte === undefined || byte < low || byte > high) break;
    }
    if (valid < length) return { offset: at, bytes: bytes.subarray(at, at + valid) };
    at += length;
  }
  return undefined;
}

/** The bytes as text, or where and why they are not UTF-8 (1-based line and column). */
export type DecodedText =
  { ok: true; text: string } | { ok: false; line: number; column: number; message: string };

function hex(bytes: Uint8Array): string {
  return [...bytes]
    .map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join(' ');
}

/**
 * Decodes a declaration file's bytes as UTF-8, without a leading byte order mark, so that line 1
 * column 1 is the first character an editor shows. Bytes that are not UTF-8 are an error at the
 * line and column of the first of them (columns count UTF-16 units, as every other position the
 * validation reports does), never silently turned into U+FFFD.
 */
export function decodeDeclarationBytes(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Fall through: find and locate the first sequence that made the strict decoder stop.
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      line: 1,
      column: 1,
      message: 'the file is UTF-16 text; save it as UTF-8',
    };
  }
  const invalid = findInvalidUtf8(bytes) ?? { offset: bytes.length, bytes: new Uint8Array() };
  // Everything before the invalid sequence is UTF-8, so it decodes (and drops its BOM) as the
  // whole file would have.
  const before = new TextDecoder('utf-8', { fatal: true }).decode(
    bytes.subarray(0, invalid.offset),
  );
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.slice(0, lineStart).split('\n').length;
  const what =
    invalid.bytes.length === 1
      ? `byte ${hex(invalid.bytes)} is`
      : `bytes ${hex(invalid.bytes)} are`;
  return {
    ok: false,
    line,
    column: before.length - lineStart + 1,
    message: `the file is not valid UTF-8: ${what} not a UTF-8 character (is it saved in another encoding, such as Latin-1 or Windows-1252?); save it as UTF-8`,
  };
}
