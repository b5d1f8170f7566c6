import { formatPaperCount } from '../shared/format.ts';

/** What became of one day: saved, already there, listed nothing, or failed (and then nothing was written). */
export type DayOutcome =
  | { day: string; kind: 'saved'; papers: number; file: string }
  | { day: string; kind: 'skipped'; file: string }
  | { day: string; kind: 'empty' }
  | { day: string; kind: 'failed'; reason: string };

/** A wait or a timeout as a person reads it: "200 ms", "2 s", "1.5 s". */
export function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** The summary line of one day: `2024-05-27: 14 papers, saved seeds/2024-05-27.json`. */
export function describeDay(outcome: DayOutcome): string {
  switch (outcome.kind) {
    case 'saved':
      return `${outcome.day}: ${formatPaperCount(outcome.papers)}, saved ${outcome.file}`;
    case 'skipped':
      return `${outcome.day}: already saved, skipped (${outcome.file}; --force fetches it again)`;
    case 'empty':
      return `${outcome.day}: no papers listed, nothing saved`;
    case 'failed':
      return `${outcome.day}: failed: ${outcome.reason}; nothing was written`;
  }
}

/** The run's last line: how many days went which way, so a long range's result is read at a glance. */
export function describeRun(outcomes: readonly DayOutcome[]): string {
  const count = (kind: DayOutcome['kind']) => outcomes.filter((outcome) => outcome.kind === kind).length;
  const days = outcomes.length === 1 ? '1 day' : `${outcomes.length} days`;
  return `${days}: ${count('saved')} saved, ${count('skipped')} already saved, ${count('empty')} with no papers, ${count('failed')} failed`;
}
