import { parseApiDigest } from '../digest/api.ts';

/**
 * The papers an answer lists, or why it is not one the catalog can build from: not UTF-8, not JSON, not a list, or an
 * entry the ingest would reject. Entries are read by the ingest's own reader (src/lib/digest/api.ts) for the file the
 * answer is saved as, so an answer fetch saves is one the build reads; unknown fields are ignored there too.
 */
export function checkAnswer(bytes: Uint8Array, options: { day: string; today: string }): { papers: number } | { problem: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'the answer is not UTF-8 text' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const size = `${bytes.length} bytes`;
    if (text.trim() === '') return { problem: 'the answer is empty' };
    return { problem: `the answer (${size}) is not JSON, or is cut short: ${(error as Error).message}` };
  }
  if (!Array.isArray(json)) return { problem: `the answer is not a list of papers but ${kindOf(json)}` };
  const bad = parseApiDigest(text, { file: `${options.day}.json`, today: options.today }).problems.filter((problem) => problem.kind !== 'warning');
  if (bad.length > 0) {
    const more = bad.length === 1 ? '' : ` (and ${bad.length - 1} more ${bad.length === 2 ? 'entry' : 'entries'} with problems)`;
    return { problem: `${bad[0]!.message}${more}` };
  }
  return { papers: json.length };
}

/** A JSON value's kind in words, with an API error's own message when it sent one (`{"error": "…"}`). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') {
    const error = (value as Record<string, unknown>).error;
    return typeof error === 'string' ? `an error: "${error.slice(0, 200)}"` : 'an object';
  }
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
