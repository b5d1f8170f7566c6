import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { formatTable, megabytes, ratio, seconds } from './table.ts';

/** What relating one synthetic catalog cost (tests/bench/related-run.ts measures it). */
export interface RelateFigures {
  papers: number;
  /** Wall time of `relatedPapers` alone, without generating the papers: the fastest of `runs`. */
  seconds: number;
  runs: number[];
  /** Resident memory before relating, with the papers in memory. */
  rssBefore: number;
  /** Peak resident memory during the first run (the process's, when `peakIsRelate` is false). */
  peakRss: number;
  peakIsRelate: boolean;
  /** Papers with at least one related paper, and related links in all. */
  withRelated: number;
  links: number;
  /** Scores added up (`relatePapers`): the work, which grows linearly even where the time does not quite. */
  additions: number;
}

/**
 * Relates a synthetic catalog of `size` papers in a child process of its own, so that its memory is its own: no site
 * build, so 100,000 papers take seconds. Throws when the run fails.
 */
export function measureRelated(size: number, seed: number): RelateFigures {
  const output = execFileSync(process.execPath, ['--expose-gc', join(import.meta.dirname, 'related-run.ts'), String(size), String(seed)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.trim().split('\n').at(-1)!) as RelateFigures;
}

/** The relate figures as a table, with the growth of time from each size to the next against the growth of size. */
export function formatRelated(figures: readonly RelateFigures[]): string {
  const rows = figures.map((run, i) => {
    const previous = figures[i - 1];
    return [
      String(run.papers),
      `${seconds(run.seconds)} (${run.runs.map((time) => time.toFixed(1)).join(', ')})`,
      `${((run.seconds * 1e6) / run.papers).toFixed(0)} µs`,
      megabytes(run.rssBefore),
      `${megabytes(run.peakRss)}${run.peakIsRelate ? '' : '*'}`,
      `${((100 * run.withRelated) / run.papers).toFixed(0)}%`,
      (run.links / run.papers).toFixed(1),
      String(Math.round(run.additions / run.papers)),
      previous ? `${ratio(run.seconds / previous.seconds)} time, ${ratio(run.additions / previous.additions)} additions for ${ratio(run.papers / previous.papers)} papers` : '',
    ];
  });
  const table = formatTable(
    [
      { title: 'papers' }, { title: 'relate: fastest (each run)' }, { title: 'per paper' }, { title: 'RSS before' }, { title: 'peak RSS relating' },
      { title: 'with related' }, { title: 'related per paper' }, { title: 'additions per paper' }, { title: 'growth', align: 'left' },
    ],
    rows,
  );
  const note = figures.some((run) => !run.peakIsRelate) ? '\n* the process\'s peak, generation included: /proc/self/clear_refs could not reset it' : '';
  return `${table}${note}`;
}
