import type { DigestProblem } from './types.ts';

/** What decoding a digest's bytes yields: its text, or why the whole file cannot be read. */
export type Decoded = { text: string } | { problem: DigestProblem & { kind: 'file' } };

/**
 * Decodes a digest's bytes as UTF-8 (a byte order mark is dropped). A file in any other encoding is rejected whole,
 * naming the line and column of its first byte that is not UTF-8: decoding it leniently would publish "R�sum�".
 */
export function decodeDigest(bytes: Uint8Array, file: string): Decoded {
  const utf16 = utf16Mark(bytes);
  const nul = bytes.indexOf(0);
  if (utf16 === undefined && nul === -1) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Not UTF-8: find where, below.
    }
  }
  const offset = utf16 === undefined ? firstInvalidByte(bytes) : 0;
  const found = [offset, nul].filter((index) => index !== -1);
  const at = found.length > 0 ? Math.min(...found) : 0; // the decoder and this scan agree; 0 only guards a disagreement
  const { line, column } = position(bytes, at);
  const lines = { from: 1, to: position(bytes, bytes.length).line };
  const byte = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
  const message = utf16
    ? `the digest is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8, so it is skipped whole; save it as UTF-8, e.g. \`iconv -f utf-16 -t utf-8\``
    : bytes[at] === 0
      ? `a NUL byte at column ${column}: the digest is not UTF-8 text (UTF-16, or not text at all), so it is skipped whole; save it as UTF-8, e.g. \`iconv -f utf-16 -t utf-8\``
      : `byte ${byte} at column ${column} is not UTF-8: the digest is in another encoding (Latin-1 or Windows-1252, perhaps), so it is skipped whole rather than published with "�" for its letters; save it as UTF-8, e.g. \`iconv -f latin1 -t utf-8\``;
  return { problem: { file, kind: 'file', line, column, lines, message } };
}

function utf16Mark(bytes: Uint8Array): 'le' | 'be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  return undefined;
}

/**
 * The offset of the first byte that starts no well-formed UTF-8 sequence, or -1: the same bounds as the WHATWG decoder
 * (no overlong forms, no surrogates, nothing above U+10FFFF), so that it finds the byte `TextDecoder` refused.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else return index;
    for (let k = 1; k < length; k++) {
      const byte = bytes[index + k];
      if (byte === undefined || byte < (k === 1 ? lower : 0x80) || byte > (k === 1 ? upper : 0xbf)) return index;
    }
    index += length;
  }
  return -1;
}

/**
 * The 1-based line and column of a byte offset, counting lines as the parser does (LF, CRLF or CR) and columns in
 * characters of the well-formed text before it (a byte order mark is not one).
 */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let index = start; index < offset; index++) {
    const byte = bytes[index];
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) {
      line++;
      start = index + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, offset));
  return { line, column: [...before].length + 1 };
}
