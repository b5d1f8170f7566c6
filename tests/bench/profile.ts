import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable, seconds } from './table.ts';

/** The parts of a V8 CPU profile (`node --cpu-prof`, a `.cpuprofile` file) that self time is read from. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds since the previous sample (the first: since `startTime`). */
  timeDeltas: number[];
}

/** Self time (seconds) of what a profile spent its time in, largest first. */
export interface ProfileSummary {
  /** The profile's whole time, seconds. */
  total: number;
  /** By function: `name file:line`. */
  functions: { name: string; seconds: number }[];
  /** By where the code comes from: an npm package, the project's own code, Node itself, or V8 (`(garbage collector)`). */
  sources: { name: string; seconds: number }[];
}

/**
 * Sums a profile's samples by function and by source, self time only (a sample counts for the function on top of the
 * stack). A sample lasts until the next one, as Chrome's DevTools reads it; the last one until the profile's end.
 */
export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const functions = new Map<string, number>();
  const sources = new Map<string, number>();
  let at = profile.startTime;
  const stamps = profile.timeDeltas.map((delta) => (at += delta));
  profile.samples.forEach((id, i) => {
    const micros = (stamps[i + 1] ?? profile.endTime) - stamps[i]!;
    const frame = byId.get(id);
    if (!frame || micros <= 0) return;
    const key = frame.url ? `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : frame.functionName || '(anonymous)';
    functions.set(key, (functions.get(key) ?? 0) + micros);
    const source = sourceOf(frame);
    sources.set(source, (sources.get(source) ?? 0) + micros);
  });
  const ranked = (map: Map<string, number>) => [...map].map(([name, micros]) => ({ name, seconds: micros / 1e6 })).sort((a, b) => b.seconds - a.seconds);
  return { total: (profile.endTime - profile.startTime) / 1e6, functions: ranked(functions), sources: ranked(sources) };
}

/** Summaries of the `.cpuprofile` files of a folder (one a thread), the largest first. */
export function summarizeProfiles(dir: string): { file: string; summary: ProfileSummary }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((file) => ({ file: join(dir, file), summary: summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile) }))
    .sort((a, b) => b.summary.total - a.summary.total);
}

/** The top `count` sources and functions of a profile, as two tables. */
export function formatProfile(summary: ProfileSummary, count = 12): string {
  const share = (value: number) => `${((100 * value) / summary.total).toFixed(1)} %`;
  const table = (title: string, rows: ProfileSummary['functions']) =>
    formatTable([{ title, align: 'left' }, { title: 'self time' }, { title: 'share' }], rows.slice(0, count).map((row) => [row.name, seconds(row.seconds), share(row.seconds)]));
  return `${table('by source', summary.sources)}\n\n${table('by function', summary.functions)}`;
}

/** A script's path from its package (`astro/dist/core/build/generate.js`) or from the project (`src/lib/…`). */
function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  const project = /\/(src|tests|node_modules|\.astro)\//.exec(path);
  return project ? path.slice(project.index + 1) : path;
}

/** Where a function's code comes from: `astro`, `@astrojs/mdx`, `papershelf src/`, `node`, or V8's own entries. */
function sourceOf(frame: { functionName: string; url: string }): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (frame.url.startsWith('node:')) return 'node';
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(frame.url.slice(frame.url.lastIndexOf('/node_modules/')));
  if (modules) return modules[1]!;
  if (/\/dist\/(chunks|_astro)\//.test(frame.url) || frame.url.includes('/.prerender/')) return 'the built site (pages, components)';
  return frame.url.includes('/src/') ? 'papershelf src/' : shortUrl(frame.url);
}
