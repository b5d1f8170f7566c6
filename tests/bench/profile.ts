import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable, seconds } from './table.ts';

/** The parts of a V8 CPU profile (`node --cpu-prof`, a `.cpuprofile` file) that self time is read from. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
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
  /** By function: `name file:line`, with the callers (nearest first) through which it spent the most of its time. */
  functions: { name: string; seconds: number; via: string[] }[];
  /** By where the code comes from: an npm package, the project's own code, Node itself, or V8 (`(garbage collector)`). */
  sources: { name: string; seconds: number }[];
}

/**
 * Sums a profile's samples by function and by source, self time only (a sample counts for the function on top of the
 * stack). A sample lasts until the next one, as Chrome's DevTools reads it; the last one until the profile's end.
 */
export function summarizeProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const self = new Map<number, number>();
  let at = profile.startTime;
  const stamps = profile.timeDeltas.map((delta) => (at += delta));
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (stamps[i + 1] ?? profile.endTime) - stamps[i]!));
  const functions = new Map<string, { micros: number; via: Map<string, number> }>();
  const sources = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = byId.get(id);
    if (!frame || micros <= 0) continue;
    const key = frameName(frame);
    const entry = functions.get(key) ?? { micros: 0, via: new Map<string, number>() };
    entry.micros += micros;
    const via = callers(id, parents, byId).join('\u0000');
    entry.via.set(via, (entry.via.get(via) ?? 0) + micros);
    functions.set(key, entry);
    const source = sourceOf(frame);
    sources.set(source, (sources.get(source) ?? 0) + micros);
  }
  const heaviest = (via: Map<string, number>) => [...via].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return {
    total: (profile.endTime - profile.startTime) / 1e6,
    functions: [...functions]
      .map(([name, { micros, via }]) => ({ name, seconds: micros / 1e6, via: heaviest(via).split('\u0000').filter(Boolean) }))
      .sort((a, b) => b.seconds - a.seconds),
    sources: [...sources].map(([name, micros]) => ({ name, seconds: micros / 1e6 })).sort((a, b) => b.seconds - a.seconds),
  };
}

/** How many callers name where a function spent its time. */
const CALLERS = 3;

/** The named callers of a profile node, nearest first, at most CALLERS; anonymous functions and the root are skipped. */
function callers(id: number, parents: ReadonlyMap<number, number>, byId: ReadonlyMap<number, CpuProfile['nodes'][number]['callFrame']>): string[] {
  const names: string[] = [];
  for (let parent = parents.get(id); parent !== undefined && names.length < CALLERS; parent = parents.get(parent)) {
    const frame = byId.get(parent)!;
    if (frame.functionName && !frame.functionName.startsWith('(')) names.push(frameName(frame));
  }
  return names;
}

/** `name file:line`, or V8's own entry (`(garbage collector)`) as it is. */
function frameName(frame: { functionName: string; url: string; lineNumber: number }): string {
  return frame.url ? `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : frame.functionName || '(anonymous)';
}

/** Summaries of the `.cpuprofile` files of a folder (one a thread), the largest first. */
export function summarizeProfiles(dir: string): { file: string; summary: ProfileSummary }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((file) => ({ file: join(dir, file), summary: summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile) }))
    .sort((a, b) => b.summary.total - a.summary.total);
}

/** The top `count` sources and functions of a profile, as two tables, then where the top five functions were called from. */
export function formatProfile(summary: ProfileSummary, count = 12): string {
  const share = (value: number) => `${((100 * value) / summary.total).toFixed(1)} %`;
  const table = (title: string, rows: readonly { name: string; seconds: number }[]) =>
    formatTable([{ title, align: 'left' }, { title: 'self time' }, { title: 'share' }], rows.slice(0, count).map((row) => [row.name, seconds(row.seconds), share(row.seconds)]));
  const called = summary.functions.filter((row) => row.via.length > 0).slice(0, 5).map((row) => `  ${row.name}\n    ← ${row.via.join('\n    ← ')}`);
  return [table('by source', summary.sources), table('by function', summary.functions), ...(called.length > 0 ? [`called from (the heaviest path)\n${called.join('\n')}`] : [])].join('\n\n');
}

/** A script's path from its package (`astro/dist/core/build/generate.js`) or from the project (`src/lib/…`). */
function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  const project = /\/(src|tests|node_modules|\.astro)\//.exec(path);
  return project ? path.slice(project.index + 1) : path;
}

/** Where a function's code comes from: `astro`, `@astrojs/mdx`, `papershelf src/`, `node`, Node's native bindings, or V8's own entries. */
function sourceOf(frame: { functionName: string; url: string }): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : 'native bindings (fs, zlib, crypto…)';
  if (frame.url.startsWith('node:')) return 'node';
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(frame.url.slice(frame.url.lastIndexOf('/node_modules/')));
  if (modules) return modules[1]!;
  if (/\/dist\/(chunks|_astro)\//.test(frame.url) || frame.url.includes('/.prerender/')) return 'the built site (pages, components)';
  return frame.url.includes('/src/') ? 'papershelf src/' : shortUrl(frame.url);
}
