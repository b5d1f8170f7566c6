// Relating synthetic papers, in a process of its own so that its memory is its own:
//   node --expose-gc tests/bench/related-run.ts <papers> [seed] [runs]
// relates the same papers `runs` times (default 3) and prints one line of JSON (RelateFigures): the fastest run, as
// other processes on the machine only ever slow a run down. tests/bench/related.ts runs it for each size.
import { readFileSync, writeFileSync } from 'node:fs';
import { relatePapers } from '../../src/lib/papers/related.ts';
import type { RelateFigures } from './related.ts';
import { generateDigests } from './synthetic.ts';

const size = Number(process.argv[2]);
const seed = Number(process.argv[3] ?? 1);
const runs = Number(process.argv[4] ?? 3);
if (![size, runs].every((n) => Number.isInteger(n) && n >= 1)) throw new Error(`usage: node --expose-gc tests/bench/related-run.ts <papers> [seed] [runs], got ${process.argv.slice(2).join(' ')}`);

// Each paper with the topic its words came from, as the ingest would assign it.
const papers = generateDigests({ papers: size, seed }).digests.flatMap((digest) => digest.papers)
  .map((paper, index) => ({ slug: `paper-${String(index).padStart(6, '0')}`, title: paper.title, abstract: paper.abstract, topics: [paper.theme] }));
// A first, small run compiles the code, so that every size is timed warm and the growth is the algorithm's.
relatePapers(papers.slice(0, 1000));
globalThis.gc?.();
const before = residentBytes('VmRSS');
// Linux resets the peak resident size (VmHWM) on "5" in clear_refs: the peak read after relating is then the relate
// step's own, not the generator's. Without it, the process's peak is reported.
const reset = tryResetPeak();
let started = performance.now();
let { related, additions } = relatePapers(papers);
const times = [(performance.now() - started) / 1000];
const peak = reset ? residentBytes('VmHWM') : process.resourceUsage().maxRSS * 1024;
while (times.length < runs) {
  started = performance.now();
  ({ related, additions } = relatePapers(papers));
  times.push((performance.now() - started) / 1000);
}

let withRelated = 0;
let links = 0;
for (const list of related.values()) {
  if (list.length > 0) withRelated++;
  links += list.length;
}
const figures: RelateFigures = { papers: size, seconds: Math.min(...times), runs: times, rssBefore: before, peakRss: peak, peakIsRelate: reset, withRelated, links, additions };
console.log(JSON.stringify(figures));

function residentBytes(field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

function tryResetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
