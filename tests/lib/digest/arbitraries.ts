import fc from 'fast-check';

/**
 * Any code point of Unicode, lone surrogates too (which `fc.string({ unit: 'binary' })` never yields, and which a
 * JavaScript string may hold). Built from integers: fast-check's 'binary' unit takes two seconds to set up per file.
 */
export const anyCodePoint = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).filter((code) => code < 0xd800 || code > 0xdfff).map((code) => String.fromCodePoint(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  // Mostly-ASCII text shrinks to readable counterexamples and reaches the format's own characters.
  { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) },
);

/** Strings of any code points, and of whole graphemes (combining marks, emoji sequences). */
export const anyString = (maxLength: number) =>
  fc.oneof(fc.string({ unit: anyCodePoint, maxLength }), fc.string({ unit: 'grapheme', maxLength }));
