import { z } from 'astro/zod';

// The least the catalog needs of each listed paper; every other field is the JSON reader's business, and unknown
// fields (the live API has more than the recorded answers) are ignored.
const entrySchema = z.object({
  paper: z.object({ id: z.string().trim().min(1), title: z.string().trim().min(1) }),
});

/** The papers an answer lists, or why it is not a Daily Papers answer (not UTF-8, not JSON, not a list, an entry without id or title). */
export function checkAnswer(bytes: Uint8Array): { papers: number } | { problem: string } {
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
  const bad = json.flatMap((entry, index) => {
    const result = entrySchema.safeParse(entry);
    return result.success ? [] : [`entry ${index + 1} of ${json.length} ${entryProblem(entry, result.error.issues[0]?.path ?? [])}`];
  });
  if (bad.length > 0) return { problem: bad.length === 1 ? bad[0]! : `${bad[0]} (and ${bad.length - 1} more ${bad.length === 2 ? 'entry' : 'entries'} with problems)` };
  return { papers: json.length };
}

/** "has no paper.id", "has an empty paper.title": the first problem zod found, said plainly. */
function entryProblem(entry: unknown, path: readonly PropertyKey[]): string {
  const name = path.map(String).join('.') || 'paper';
  let value: unknown = entry;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  if (path.length === 0) return `is ${kindOf(entry)}, not an object with a paper`;
  if (value === undefined) return `has no ${name}`;
  if (typeof value === 'string') return `has an empty ${name}`;
  return `has a ${name} that is ${kindOf(value)}, not text`;
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
