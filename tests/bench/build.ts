import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDigest, sidecarName } from '../../src/lib/digest/parse.ts';
import { formatProblem, type DigestEntry } from '../../src/lib/digest/types.ts';
import { buildHugo, hugoVersion } from './hugo.ts';
import { measureRelated, type RelateFigures } from './related.ts';
import { formatReport, reportJson, type CatalogResult } from './report.ts';
import { formatProfile, summarizeProfiles } from './profile.ts';
import { replicateRealDays, reviseRealAbstract } from './replicate.ts';
import { buildSite, countFolder, createScratch, hostFigures, pageWeights, root, writeLog, writeSeeds, type BuildFigures, type Scratch } from './site.ts';
import { generateDigests, parseGenerated, renderDigest, reviseAbstract, type SeedFile } from './synthetic.ts';
import { seconds } from './table.ts';
import { measureDev, removeDevEdit } from './dev.ts';
import { chromiumPath, measureTransfer } from './transfer.ts';

/** The catalog sizes whose related papers the bench computes, whatever --papers says: 100,000 without building a site. */
const RELATE_SIZES = [10_000, 100_000];

/** Where the real days are read from unless --real says otherwise: the 157 days of 2024 beside the repository. */
const REAL_DAYS = join(root, '../shared/real/2024');

const USAGE = `npm run bench -- [--papers N ...] [--text real|synthetic] [--real DIR] [--seed S] [--cpu-prof]
                 [--no-rebuild] [--no-transfer] [--no-dev] [--no-hugo] [--no-related] [--keep] [--json FILE]

Builds the seed catalog (seeds/) and a catalog of N papers (default 10000; repeat --papers or give a comma list for
several sizes) in a scratch folder. The catalog is real text: the real days of ${relative(process.cwd(), REAL_DAYS) || REAL_DAYS}, the newest held
out, then copies of them a year earlier, two years earlier… (titles marked " (copy N)", every date moved by whole
weeks), one digest a real day, until N papers. It prints wall time and peak memory by build stage for the cold build,
the daily build (the held-out real day added) and the rebuild after one changed paper; the output's size, largest
file and _redirects rules; what a first visit, a first search and the whole catalog offline transfer; how soon
\`npm run dev\` answers and shows an edited digest; the same papers built with Hugo and the Pagefind CLI, the ratios,
and the targets of issue 22 beside the figures. Then relates ${RELATE_SIZES.join(' and ')} synthetic papers (related
papers, no site build: under a minute). Asserts nothing about speed: it fails only when a build or a relate run fails
or the digests do not parse cleanly.

  --papers N       catalog size(s): --papers 1000 --papers 10000, or --papers 1000,10000 (bare numbers work too)
  --text KIND      real (default) or synthetic: generated digests of 50 random-word papers a day (see --seed)
  --real DIR       the real days to replicate (default ${REAL_DAYS}): files named by their day, real-YYYY-MM-DD.txt
  --seed S         seed of the synthetic generator (default 1); the same seed gives the same digests
  --cpu-prof       run each catalog build under Node's --cpu-prof; the profiles are kept in bench/out/profiles/ and
                   their top costs printed (self time by source and by function)
  --no-rebuild     skip the daily build and the changed paper   --no-transfer  skip the Chromium measurements
  --no-dev         skip the dev server                           --no-hugo      skip Hugo + Pagefind
  --no-related     skip relating ${RELATE_SIZES.join(' and ')} papers
  --keep           keep the scratch folder (with each build's log)
  --json FILE      also write the figures as JSON to FILE`;

/** How many papers one synthetic digest lists: one digest a day. */
const PER_DIGEST = 50;
/** What the first search looks for. */
const QUERY = 'diffusion';
/** The day the bench parses digests on, as the build does. */
const TODAY = new Date().toISOString().slice(0, 10);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  allowNegative: true,
  options: {
    papers: { type: 'string', multiple: true },
    text: { type: 'string', default: 'real' },
    real: { type: 'string', default: REAL_DAYS },
    seed: { type: 'string', default: '1' },
    'cpu-prof': { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: true },
    transfer: { type: 'boolean', default: true },
    dev: { type: 'boolean', default: true },
    hugo: { type: 'boolean', default: true },
    related: { type: 'boolean', default: true },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const sizes = [...(values.papers ?? []), ...positionals].flatMap((value) => value.split(',')).map((value) => Number(value.replace(/_/g, '')));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error(`--papers takes whole numbers of papers, got ${[...(values.papers ?? []), ...positionals].join(' ')}\n\n${USAGE}`);
  process.exit(2);
}
if (sizes.length === 0) sizes.push(10_000);
if (values.text !== 'real' && values.text !== 'synthetic') {
  console.error(`--text takes real or synthetic, got ${values.text}\n\n${USAGE}`);
  process.exit(2);
}
const text = values.text;
const realDays = text === 'real' ? readRealDays(values.real) : [];
const seed = Number(values.seed);
const profiles = values['cpu-prof'] ? join(root, 'bench/out/profiles', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
const hugo = values.hugo ? hugoVersion() : undefined;
const chromium = values.transfer ? chromiumPath() : undefined;

const environment = {
  node: process.version,
  cores: cpus().length,
  loadAverage: loadavg()[0],
  astro: packageVersion('astro'),
  pagefind: packageVersion('pagefind'),
  hugo: hugo ?? null,
  chromium: chromium ? execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() : null,
  text: text === 'real' ? `real: ${realDays.length} days of ${relative(process.cwd(), values.real) || values.real}` : `synthetic, seed ${seed}`,
  sizes,
};
console.log(`papershelf bench: node ${environment.node}, ${environment.cores} cores (load ${environment.loadAverage.toFixed(1)}), astro ${environment.astro}, pagefind ${environment.pagefind}, ` +
  `hugo ${hugo ?? (values.hugo ? 'not on PATH: skipped' : 'skipped (--no-hugo)')}, ${environment.chromium ?? (values.transfer ? 'no chromium on PATH: transfer skipped' : 'transfer skipped (--no-transfer)')}; text ${environment.text}`);

const scratchRoot = mkdtempSync(join(tmpdir(), 'papershelf-bench-'));
const results: CatalogResult[] = [];
results.push(await benchSeed());
for (const size of sizes) results.push(await benchCatalog(`${text} ${size}`, text, () => (text === 'real' ? realSource(size) : syntheticSource(size))));
const related = values.related ? benchRelated() : undefined;

console.log(`\n${formatReport(results, related)}`);
if (values.json) writeFileSync(values.json, reportJson(results, environment, related));
if (profiles) console.log(`\nCPU profiles kept in ${relative(process.cwd(), profiles)} (open one in Chrome's DevTools, Performance panel)`);
if (values.keep) {
  writeFileSync(join(scratchRoot, 'bench.json'), reportJson(results, environment, related));
  console.log(`\nscratch folder kept: ${scratchRoot}`);
} else {
  rmSync(scratchRoot, { recursive: true, force: true });
}
process.exitCode = results.some((result) => result.failed) || related === null ? 1 : 0;

/** Related papers of synthetic catalogs of RELATE_SIZES, or null when a run failed (it printed why). */
function benchRelated(): RelateFigures[] | null {
  try {
    return RELATE_SIZES.map((size) => {
      const figures = measureRelated(size, seed);
      console.log(`related papers: ${size} synthetic papers related in ${seconds(figures.seconds)}`);
      return figures;
    });
  } catch (error) {
    console.error(`related papers: FAILED\n${(error as Error).message}`);
    return null;
  }
}

/** The real seed catalog: a cold build and the Hugo twin, a cheap first line. */
async function benchSeed(): Promise<CatalogResult> {
  const dir = join(scratchRoot, 'seed');
  mkdirSync(dir);
  const scratch = createScratch(dir, join(root, 'seeds'));
  const entries = readSeedEntries(scratch.seedsDir);
  const result: CatalogResult = { label: 'seed', kind: 'seed', papers: entries.length, notes: [] };
  return step(result, dir, async () => {
    result.cold = await build(result.label, 'cold build', scratch);
    result.output = countFolder(scratch.distDir);
    result.host = hostFigures(scratch.distDir);
    result.weight = pageWeights(scratch.distDir);
    if (hugo) result.hugo = await timed(result.label, 'hugo + pagefind', () => buildHugo(join(dir, 'hugo'), entries));
  });
}

/** A catalog to bench: its digests, their papers, and the digests of its two rebuilds. */
interface CatalogSource {
  papers: number;
  /** Seconds to make and check its digests. */
  made: number;
  /** How it was made, printed once it is. */
  description: string;
  files: SeedFile[];
  entries: DigestEntry[];
  /** The daily build: a new digest (with its sidecar, if any) and its papers. */
  daily: { files: SeedFile[]; papers: number; name: string };
  /** The rebuild after one changed paper: the one digest that changed. */
  changed: SeedFile[];
}

/** A real catalog of `size` papers: the real days, then copies of them (see replicate.ts). */
function realSource(size: number): CatalogSource {
  const started = performance.now();
  const replica = replicateRealDays(realDays, size);
  // The copies parse cleanly, or replicateRealDays would have thrown on their originals; parsed again here for Hugo.
  const entries = replica.files.flatMap((file) => {
    const parsed = parseDigest(file.text, { file: file.name, today: TODAY });
    if (parsed.problems.length > 0) throw new Error(`${file.name} does not parse cleanly:\n${parsed.problems.slice(0, 10).map(formatProblem).join('\n')}`);
    return parsed.entries;
  });
  const middle = replica.files[Math.floor(replica.files.length / 2)]!;
  const changed = reviseRealAbstract(middle, Math.floor(parseDigest(middle.text, { file: middle.name, today: TODAY }).entries.length / 2));
  return {
    papers: replica.papers,
    made: (performance.now() - started) / 1000,
    description: `${replica.files.length} real days (${replica.copies === 1 ? 'the real days alone' : `the real days and ${replica.copies - 1} cop${replica.copies === 2 ? 'y' : 'ies'} of them`}), newest ${replica.files[0]!.name}, oldest ${replica.files.at(-1)!.name}`,
    files: replica.files,
    entries,
    daily: { files: [replica.nextDay], papers: replica.nextDayPapers, name: `+1 real day (${replica.nextDayPapers} papers)` },
    changed: [changed],
  };
}

/** A synthetic catalog of `size` papers in digests of PER_DIGEST, generated and checked. */
function syntheticSource(size: number): CatalogSource {
  const started = performance.now();
  const { digests, extra } = generateDigests({ papers: size, seed, perDigest: PER_DIGEST, extra: 1 });
  const middle = Math.floor(digests.length / 2);
  const revised = reviseAbstract(digests[middle]!, Math.floor(digests[middle]!.papers.length / 2));
  // Fails loudly, naming each problem, if any generated digest does not parse cleanly.
  const entries = parseGenerated(digests);
  parseGenerated([revised, ...extra]);
  return {
    papers: size,
    made: (performance.now() - started) / 1000,
    description: `${digests.length} digests generated and parsed with no problems`,
    files: digests.flatMap(renderDigest),
    entries,
    daily: { files: extra.flatMap(renderDigest), papers: extra[0]!.papers.length, name: `+1 digest of ${PER_DIGEST}` },
    changed: renderDigest(revised).slice(0, 1),
  };
}

/** A catalog: cold build, output, transfer, the dev server, the daily build, one changed paper and the Hugo twin. */
async function benchCatalog(label: string, kind: 'real' | 'synthetic', make: () => CatalogSource): Promise<CatalogResult> {
  const dir = join(scratchRoot, label.replace(/\W+/g, '-'));
  mkdirSync(dir);
  const result: CatalogResult = { label, kind, papers: 0, notes: [] };
  return step(result, dir, async () => {
    const source = make();
    result.papers = source.papers;
    result.generated = source.made;
    const scratch = createScratch(dir);
    writeSeeds(scratch, source.files);
    console.log(`${label}: ${source.description}, in ${seconds(source.made)}`);

    result.cold = await build(label, 'cold build', scratch);
    result.output = countFolder(scratch.distDir);
    result.host = hostFigures(scratch.distDir);
    result.weight = pageWeights(scratch.distDir);
    if (chromium) {
      // A measurement, not a build: when it cannot be taken, the bench says why and goes on.
      try {
        result.transfer = await timed(label, 'transfer in chromium', () => measureTransfer(scratch.distDir, QUERY, chromium));
      } catch (error) {
        result.notes.push(`transfer not measured: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    if (values.dev) {
      try {
        result.dev = await timed(label, 'npm run dev', () => measureDev(scratch, readdirSync(scratch.seedsDir).filter((name) => name.endsWith('.txt')).sort().at(-1)!, 4700 + (process.pid % 200)));
        console.log(`${label}: dev server ready in ${seconds(result.dev.ready)}; an edited digest shown in ${seconds(result.dev.editShown)}`);
      } catch (error) {
        result.notes.push(`dev server not measured: ${(error as Error).message.split('\n')[0]}`);
      }
      // The dev server's edit added a paper: put the digests back as they were, and drop the paper's item.
      writeSeeds(scratch, source.files);
      removeDevEdit(scratch);
    }
    if (values.rebuild) {
      writeSeeds(scratch, source.daily.files);
      result.added = await build(label, `daily build, ${source.daily.name}`, scratch);
      result.addedName = source.daily.name;
      expectIngest(result, result.added, { new: source.daily.papers, changed: 0 });
      writeSeeds(scratch, source.changed);
      result.changed = await build(label, 'rebuild, 1 paper changed', scratch);
      expectIngest(result, result.changed, { new: 0, changed: 1 });
    }
    if (hugo) result.hugo = await timed(label, 'hugo + pagefind', () => buildHugo(join(dir, 'hugo'), source.entries));
  });
}

/** Runs a catalog's steps, recording a failure instead of throwing; removes its folder unless --keep. */
async function step(result: CatalogResult, dir: string, steps: () => Promise<void>): Promise<CatalogResult> {
  try {
    await steps();
  } catch (error) {
    result.failed = (error as Error).message;
    console.error(`${result.label}: FAILED\n${result.failed}`);
  }
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  return result;
}

/**
 * Builds a scratch catalog, keeping the timestamped log next to it with --keep; with --cpu-prof, under Node's profiler,
 * printing the profile's top costs.
 */
async function build(label: string, name: string, scratch: Scratch): Promise<BuildFigures> {
  const slug = `${label}-${name}`.replace(/\W+/g, '-');
  const cpuProfileDir = profiles && join(profiles, slug);
  const figures = await timed(label, name, () => buildSite(scratch, { cpuProfileDir }));
  if (values.keep) writeLog(join(scratch.dir, `${slug}.log`), figures.run);
  if (cpuProfileDir) {
    const [main] = summarizeProfiles(cpuProfileDir);
    if (main) console.log(`\n${label}, ${name}: CPU profile of the build's main thread (${seconds(main.summary.total)}), ${relative(process.cwd(), main.file)}\n${formatProfile(main.summary)}\n`);
  }
  return figures;
}

/** Runs one measured step and prints its wall time as it ends. */
async function timed<T>(label: string, name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await run();
  console.log(`${label}: ${name} ${seconds((performance.now() - started) / 1000)}`);
  return value;
}

/** Notes a rebuild whose ingest did not see the change the bench made. */
function expectIngest(result: CatalogResult, build: BuildFigures, expected: { new: number; changed: number }): void {
  const seen = build.ingest;
  if (seen && (seen.new !== expected.new || seen.changed !== expected.changed)) {
    result.notes.push(`the ingest reported ${seen.new} new and ${seen.changed} changed papers; the bench changed ${expected.new} new and ${expected.changed} changed`);
  }
}

/** The real days of a folder (real-YYYY-MM-DD.txt), or an exit saying how to run without them. */
function readRealDays(dir: string): { name: string; text: string }[] {
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.txt')).sort() : [];
  if (names.length < 2) {
    console.error(`no real days in ${dir} (at least two digests named real-YYYY-MM-DD.txt): give their folder with --real DIR, or bench generated text with --text synthetic`);
    process.exit(2);
  }
  return names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The entries of a seeds folder, parsed as the ingest parses them (with capture-date sidecars). */
function readSeedEntries(seedsDir: string): DigestEntry[] {
  return readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort().flatMap((file) => {
    const sidecar = join(seedsDir, sidecarName(file));
    const capturedOn = existsSync(sidecar) ? /captured:\s*(\d{4}-\d{2}-\d{2})/.exec(readFileSync(sidecar, 'utf8'))?.[1] : undefined;
    return parseDigest(readFileSync(join(seedsDir, file), 'utf8'), { file, capturedOn, today: TODAY }).entries;
  });
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}
