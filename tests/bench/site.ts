import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runMeasured, type RunFigures, type Stage } from './stages.ts';

/** The repository root. */
export const root = join(import.meta.dirname, '../..');

/**
 * The stages of `astro build`, each ended by a line of its log: the papershelf integration's ingest summary, Astro's
 * content sync, its bundling (which ends when it starts generating routes), the pages (rendered, or restored from the
 * page cache), the search integration's Pagefind index, then the offline worker, the sitemap and the record of URLs
 * in `astro:build:done` until the process exits.
 */
export const BUILD_STAGES: Stage[] = [
  { name: 'ingest', end: /\[papershelf\] problems: \d+/ },
  { name: 'content sync', end: /\[content\] Synced content/ },
  { name: 'bundling', end: /generating static routes/ },
  { name: 'pages', end: /✓ Completed in/ },
  { name: 'pagefind', end: /indexed \d+ paper pages for search/ },
  { name: 'worker, sitemap, record' },
];

/** The log lines the figures are read from, besides the stage ends; a missing one is reported, not fatal. */
const INGEST_SUMMARY = /\[papershelf\] papers: (\d+) new, (\d+) changed, (\d+) unchanged/;
const INDEXED = /indexed (\d+) paper pages for search/;

/** A catalog's scratch folders: its seeds, content (with the topic vocabulary), Astro cache and output. */
export interface Scratch {
  dir: string;
  seedsDir: string;
  contentDir: string;
  cacheDir: string;
  distDir: string;
}

/** One `astro build`: the measured run, the ingest's counts and how many papers the search index holds. */
export interface BuildFigures {
  run: RunFigures;
  ingest?: { new: number; changed: number; unchanged: number };
  indexed?: number;
}

/** Files, bytes and HTML pages under a folder, and its largest file. */
export interface FolderFigures {
  files: number;
  bytes: number;
  pages: number;
  /** The largest file, its path relative to the folder. */
  largest: { file: string; bytes: number };
}

/** What a host and a reader meet in a build's dist/ besides its size: `_redirects` rules and the offline catalog. */
export interface HostFigures {
  /** Rules in `_redirects` (lines that are neither blank nor comments). */
  redirects: number;
  /** Keeping the whole catalog for offline use: the index files `offline-manifest.json` lists, and their bytes. */
  offline?: { files: number; bytes: number };
}

/** Creates a catalog's scratch folders under `dir`, reading digests from `seedsDir` (by default its own `seeds/`). */
export function createScratch(dir: string, seedsDir = join(dir, 'seeds')): Scratch {
  const scratch = { dir, seedsDir, contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache'), distDir: join(dir, 'dist') };
  mkdirSync(scratch.seedsDir, { recursive: true });
  mkdirSync(scratch.contentDir, { recursive: true });
  cpSync(join(root, 'content/topics.yaml'), join(scratch.contentDir, 'topics.yaml'));
  return scratch;
}

/** Writes files into the scratch's seeds folder, replacing any of the same name. */
export function writeSeeds(scratch: Scratch, files: readonly { name: string; text: string }[]): void {
  for (const file of files) writeFileSync(join(scratch.seedsDir, file.name), file.text);
}

/**
 * Runs the README's build (`astro build`) on a scratch catalog, measured by stage; throws with its log when it fails.
 * With `cpuProfileDir`, Node writes a CPU profile of the build (and of any worker thread) into that folder.
 */
export async function buildSite(scratch: Scratch, options: { cpuProfileDir?: string } = {}): Promise<BuildFigures> {
  // The bench's catalogs are strict (no skipped entries) and served from the root, whatever the shell says.
  const { PAPERSHELF_ALLOW_INVALID, PAPERSHELF_BASE, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    PAPERSHELF_SEEDS: scratch.seedsDir,
    PAPERSHELF_CONTENT: scratch.contentDir,
    PAPERSHELF_CACHE: scratch.cacheDir,
  };
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const profile = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const run = await runMeasured(process.execPath, [...profile, astro, 'build', '--outDir', scratch.distDir], { cwd: root, env, stages: BUILD_STAGES });
  if (run.code !== 0) {
    const tail = run.lines.slice(-60).map((line) => line.text).join('\n');
    throw new Error(`astro build failed (exit ${run.code}) for ${scratch.dir}; the end of its log:\n${tail}`);
  }
  const find = (pattern: RegExp) => run.lines.map((line) => pattern.exec(line.text)).find((match) => match !== null);
  const summary = find(INGEST_SUMMARY);
  const indexed = find(INDEXED);
  return {
    run,
    ingest: summary ? { new: Number(summary[1]), changed: Number(summary[2]), unchanged: Number(summary[3]) } : undefined,
    indexed: indexed ? Number(indexed[1]) : undefined,
  };
}

/** The log lines a build's figures depend on that did not appear, described for a warning. */
export function missingLines(build: BuildFigures): string[] {
  const missing = BUILD_STAGES.flatMap((stage, i) => (stage.end && !build.run.stages[i]!.seen ? [`the end of "${stage.name}" (${stage.end})`] : []));
  if (!build.ingest) missing.push(`the ingest summary (${INGEST_SUMMARY})`);
  if (build.indexed === undefined) missing.push(`the search index count (${INDEXED})`);
  return missing;
}

/** Writes a run's log with each line's arrival time, for a look at the stage boundaries of a kept scratch folder. */
export function writeLog(path: string, run: RunFigures): void {
  writeFileSync(path, run.lines.map((line) => `${line.at.toFixed(3).padStart(9)}  ${line.text}\n`).join(''));
}

/** Counts the files, bytes and HTML pages under a folder, and finds its largest file. */
export function countFolder(dir: string): FolderFigures {
  const figures: FolderFigures = { files: 0, bytes: 0, pages: 0, largest: { file: '', bytes: 0 } };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = statSync(path).size;
    figures.files++;
    figures.bytes += bytes;
    if (entry.name.endsWith('.html')) figures.pages++;
    if (bytes > figures.largest.bytes) figures.largest = { file: relative(dir, path), bytes };
  }
  return figures;
}

/** The `_redirects` rules and the offline catalog of a built site (see HostFigures). */
export function hostFigures(dist: string): HostFigures {
  const redirectsFile = join(dist, '_redirects');
  const redirects = existsSync(redirectsFile)
    ? readFileSync(redirectsFile, 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#')).length
    : 0;
  const manifestFile = join(dist, 'offline-manifest.json');
  if (!existsSync(manifestFile)) return { redirects };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { bytes: number; files: unknown[] };
  return { redirects, offline: { files: manifest.files.length, bytes: manifest.bytes } };
}

const SAMPLE = 2000;

/** Compressed weight (gzip) of pages with the stylesheets they link: what a reader downloads to read one. */
export interface PageWeights {
  /** Median and largest paper page, in bytes. */
  paperMedian: number;
  paperMax: number;
  home: number;
  /** The largest first page of a digest day (dist/digests/<date>/index.html): one page of papers, whatever the day's length. */
  dayMax: number;
}

/**
 * Weighs the paper pages of a build (dist/papers/<slug>/index.html; at most SAMPLE of them, evenly spread, so 100,000
 * papers cost no more than 2,000) and the home page, each with its stylesheets, gzip-compressed as a static host
 * sends them. A page's stylesheets count in full, as on a first visit.
 */
export function pageWeights(dist: string): PageWeights {
  const styles = new Map<string, number>();
  const weigh = (file: string) => {
    const html = readFileSync(file);
    let bytes = gzipSync(html).length;
    for (const [, href] of html.toString('utf8').matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
      const path = join(dist, href!.replace(/^\/+/, ''));
      if (!styles.has(path)) styles.set(path, existsSync(path) ? gzipSync(readFileSync(path)).length : 0);
      bytes += styles.get(path)!;
    }
    return bytes;
  };
  const slugs = readdirSync(join(dist, 'papers'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'page' && existsSync(join(dist, 'papers', entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
  const step = Math.max(1, Math.ceil(slugs.length / SAMPLE));
  const papers = slugs
    .filter((_, index) => index % step === 0)
    .map((slug) => weigh(join(dist, 'papers', slug, 'index.html')))
    .sort((a, b) => a - b);
  const days = existsSync(join(dist, 'digests'))
    ? readdirSync(join(dist, 'digests'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(dist, 'digests', entry.name, 'index.html')))
    : [];
  const dayMax = Math.max(0, ...days.map((entry) => weigh(join(dist, 'digests', entry.name, 'index.html'))));
  return { paperMedian: papers[Math.floor(papers.length / 2)] ?? 0, paperMax: papers.at(-1) ?? 0, home: weigh(join(dist, 'index.html')), dayMax };
}
