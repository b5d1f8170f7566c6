import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeDigest } from '../../../src/lib/digest/decode.ts';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import { anyCodePoint } from './arbitraries.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Latin-1 bytes of text whose characters are all below U+0100, as an editor set to Latin-1 would save it. */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

const RESUME = 'Daily Papers\n\nApr 13\n\nRésumé Models\n\nAn abstract.\n\n  • 2 authors\n·\nJan 9, 2024\n';

describe('decodeDigest', () => {
  test('rejects a Latin-1 digest at the line of its first non-UTF-8 byte', () => {
    const decoded = decodeDigest(latin1(RESUME), '007_resume.txt');
    expect(decoded).not.toHaveProperty('text');
    expect(decoded).toMatchObject({ problem: { file: '007_resume.txt', kind: 'file', line: 5, column: 2, lines: { from: 1, to: 12 } } });
    const { message } = (decoded as { problem: { message: string } }).problem;
    expect(message).toMatch(/^byte 0xE9 at column 2 is not UTF-8/);
    expect(message).toContain('save it as UTF-8, e.g. `iconv -f latin1 -t utf-8`');
  });

  test('reads the same digest saved as UTF-8, with or without a byte order mark', () => {
    expect(decodeDigest(utf8(RESUME), 'x.txt')).toEqual({ text: RESUME });
    expect(decodeDigest(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(RESUME)), 'x.txt')).toEqual({ text: RESUME });
    const decoded = decodeDigest(utf8(RESUME), 'x.txt') as { text: string };
    expect(parseDigest(decoded.text, { file: 'x.txt', today: '2026-11-25', capturedOn: '2026-04-13' }).entries[0]?.title).toBe('Résumé Models');
  });

  test('rejects a UTF-16 digest, with a byte order mark or without one', () => {
    const withMark = decodeDigest(Uint8Array.of(0xff, 0xfe, 0x44, 0x00), 'x.txt');
    expect(withMark).toMatchObject({ problem: { kind: 'file', line: 1, message: expect.stringContaining('iconv -f utf-16 -t utf-8') } });
    // Without a mark, UTF-16 of ASCII text is well-formed UTF-8 with a NUL after every letter.
    const withoutMark = decodeDigest(Uint8Array.of(0x44, 0x00, 0x61, 0x00), 'x.txt');
    expect(withoutMark).toMatchObject({ problem: { kind: 'file', line: 1, column: 2, message: expect.stringMatching(/^a NUL byte at column 2/) } });
  });

  test('counts lines as the parser does (LF, CRLF, CR) and columns in characters, not bytes', () => {
    const bytes = Uint8Array.of(...utf8('a\r\nb\rc\n«ü» x'), 0xe9);
    expect(decodeDigest(bytes, 'x.txt')).toMatchObject({ problem: { line: 4, column: 6 } });
  });

  test('names the first byte of a sequence cut short, of an overlong form and of a surrogate', () => {
    expect(decodeDigest(Uint8Array.of(0x61, 0xe2, 0x82), 'x.txt')).toMatchObject({ problem: { line: 1, column: 2, message: expect.stringMatching(/^byte 0xE2/) } });
    expect(decodeDigest(Uint8Array.of(0x61, 0xc0, 0xaf), 'x.txt')).toMatchObject({ problem: { column: 2, message: expect.stringMatching(/^byte 0xC0/) } });
    expect(decodeDigest(Uint8Array.of(0x61, 0x62, 0xed, 0xa0, 0x80), 'x.txt')).toMatchObject({ problem: { column: 3, message: expect.stringMatching(/^byte 0xED/) } });
  });

  test('accepts exactly the bytes a strict UTF-8 decoder accepts, NUL and UTF-16 marks aside', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    // Bytes near UTF-8's edges (lead bytes, continuation bytes, ASCII) find more edge cases than uniform bytes.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0x0a, 0x0d, 0x41));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (values) => {
        const bytes = Uint8Array.from(values);
        let valid = !bytes.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff);
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect('text' in decodeDigest(bytes, 'x.txt')).toBe(valid);
      }),
    );
  });

  test('names the line and column of a bad byte after any well-formed text', () => {
    // Well-formed text: any code points but lone surrogates (UTF-8 has none), NUL (reported where it is) and a
    // leading BOM (not a column).
    const wellFormed = (maxLength: number) => fc.string({ unit: anyCodePoint, maxLength }).map((text) => text.toWellFormed().replaceAll('\0', ''));
    const before = wellFormed(40).map((text) => text.replace(/^\uFEFF/, ''));
    fc.assert(
      fc.property(before, fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xe9, 0xf5, 0xff), wellFormed(10), (text, bad, after) => {
        const lines = text.split(/\r\n|\r|\n/);
        const decoded = decodeDigest(Uint8Array.of(...utf8(text), bad, ...utf8(after)), 'x.txt');
        expect(decoded).toMatchObject({ problem: { kind: 'file', line: lines.length, column: [...lines.at(-1)!].length + 1 } });
      }),
    );
  });
});
