/**
 * Characters XML 1.0 cannot hold, not even as a character reference: C0 controls other than tab, line feed and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. A digest may contain any of them.
 */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text any XML document can hold: each character XML 1.0 forbids becomes U+FFFD, the rest stays as it is. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML content or a quoted attribute value: made `xmlText`, then `& < > " '` escaped. */
export function escapeXml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}
