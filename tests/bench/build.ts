import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDigest, sidecarName } from '../../src/lib/digest/parse.ts';
import type { DigestEntry } from '../../src/lib/digest/types.ts';
import { buildHugo, hugoVersion } from './hugo.ts';
import { measureRelated, type RelateFigures } from './related.ts';
import { formatReport, reportJson, type CatalogResult } from './report.ts';
import { buildSite, countFolder, createScratch, pageWeights, root, writeLog, writeSeeds, type BuildFigures, type Scratch } from './site.ts';
import { generateDigests, parseGenerated, renderDigest, reviseAbstract } from './synthetic.ts';
import { seconds } from './table.ts';
import { measureDev } from './dev.ts';
import { chromiumPath, measureTransfer } from './transfer.ts';

/** The catalog sizes whose related papers the bench computes, whatever --papers says: 100,000 without building a site. */
const RELATE_SIZES = [10_000, 100_000];

const USAGE = `npm run bench -- [--papers N ...] [--seed S] [--no-rebuild] [--no-transfer] [--no-dev] [--no-hugo] [--no-related] [--keep] [--json FILE]

Builds the seed catalog (seeds/) and a synthetic catalog of N papers (default 10000; repeat --papers or give a comma
list for several sizes) in a scratch folder, and prints wall time and peak memory by build stage, the output's size,
what a first visit and a first search transfer in Chromium, how soon \`npm run dev\` answers and shows an edited
digest, the rebuild after one changed paper and after one new digest, and the same papers built with Hugo and the Pagefind CLI.
Then relates ${RELATE_SIZES.join(' and ')} synthetic papers (related papers, no site build: under a minute) and
prints the time, its growth and the peak memory. Asserts nothing about speed: it fails only when a build or a relate
run fails or the generated digests do not parse cleanly.

  --papers N     catalog size(s): --papers 1000 --papers 10000, or --papers 1000,10000 (bare numbers work too)
  --seed S       seed of the generator (default 1); the same seed gives the same digests
  --no-rebuild   skip the two rebuilds         --no-transfer  skip the Chromium measurements
  --no-dev       skip the dev server            --no-hugo      skip Hugo + Pagefind
  --no-related   skip relating ${RELATE_SIZES.join(' and ')} papers
  --keep         keep the scratch folder (with each build's log)
  --json FILE    also write the figures as JSON to FILE`;

/** How many papers one digest lists: one digest a day, as the listing publishes them. */
const PER_DIGEST = 50;
/** What the first search looks for. */
const QUERY = 'diffusion';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  allowNegative: true,
  options: {
    papers: { type: 'string', multiple: true },
    seed: { type: 'string', default: '1' },
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
const seed = Number(values.seed);
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
  seed,
  sizes,
};
console.log(`papershelf bench: node ${environment.node}, ${environment.cores} cores (load ${environment.loadAverage.toFixed(1)}), astro ${environment.astro}, pagefind ${environment.pagefind}, ` +
  `hugo ${hugo ?? (values.hugo ? 'not on PATH: skipped' : 'skipped (--no-hugo)')}, ${environment.chromium ?? (values.transfer ? 'no chromium on PATH: transfer skipped' : 'transfer skipped (--no-transfer)')}`);

const scratchRoot = mkdtempSync(join(tmpdir(), 'papershelf-bench-'));
const results: CatalogResult[] = [];
results.push(await benchSeed());
for (const size of sizes) results.push(await benchSynthetic(size));
const related = values.related ? benchRelated() : undefined;

console.log(`\n${formatReport(results, related)}`);
if (values.json) writeFileSync(values.json, reportJson(results, environment, related));
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
  const result: CatalogResult = { label: 'seed', papers: entries.length, notes: [] };
  return step(result, dir, async () => {
    result.cold = await build(result.label, 'cold build', scratch);
    result.output = countFolder(scratch.distDir);
    result.weight = pageWeights(scratch.distDir);
    if (hugo) result.hugo = await timed(result.label, 'hugo + pagefind', () => buildHugo(join(dir, 'hugo'), entries));
  });
}

/** A synthetic catalog of `size` papers: cold build, output, transfer, the two rebuilds and the Hugo twin. */
async function benchSynthetic(size: number): Promise<CatalogResult> {
  const label = `synthetic ${size}`;
  const dir = join(scratchRoot, `synthetic-${size}`);
  mkdirSync(dir);
  const result: CatalogResult = { label, papers: size, notes: [] };
  return step(result, dir, async () => {
    const started = performance.now();
    const { digests, extra } = generateDigests({ papers: size, seed, perDigest: PER_DIGEST, extra: 1 });
    const middle = Math.floor(digests.length / 2);
    const revised = reviseAbstract(digests[middle]!, Math.floor(digests[middle]!.papers.length / 2));
    // Fails loudly, naming each problem, if any generated digest does not parse cleanly.
    const entries = parseGenerated(digests);
    parseGenerated([revised, ...extra]);
    result.generated = (performance.now() - started) / 1000;
    const scratch = createScratch(dir);
    writeSeeds(scratch, digests.flatMap(renderDigest));
    console.log(`${label}: ${digests.length} digests generated and parsed with no problems in ${seconds(result.generated)}`);

    result.cold = await build(label, 'cold build', scratch);
    result.output = countFolder(scratch.distDir);
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
      // The dev server's edit added a paper: put the digests back as generated.
      writeSeeds(scratch, digests.flatMap(renderDigest));
    }
    if (values.rebuild) {
      writeSeeds(scratch, renderDigest(revised).slice(0, 1));
      result.changed = await build(label, 'rebuild, 1 paper changed', scratch);
      expectIngest(result, result.changed, { new: 0, changed: 1 });
      writeSeeds(scratch, extra.flatMap(renderDigest));
      result.added = await build(label, `rebuild, +1 digest of ${PER_DIGEST}`, scratch);
      expectIngest(result, result.added, { new: extra[0]!.papers.length, changed: 0 });
    }
    if (hugo) result.hugo = await timed(label, 'hugo + pagefind', () => buildHugo(join(dir, 'hugo'), entries));
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

/** Builds a scratch catalog, keeping the timestamped log next to it with --keep. */
async function build(label: string, name: string, scratch: Scratch): Promise<BuildFigures> {
  const figures = await timed(label, name, () => buildSite(scratch));
  if (values.keep) writeLog(join(scratch.dir, `${name.replace(/\W+/g, '-')}.log`), figures.run);
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

/** The entries of a seeds folder, parsed as the ingest parses them (with capture-date sidecars). */
function readSeedEntries(seedsDir: string): DigestEntry[] {
  return readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort().flatMap((file) => {
    const sidecar = join(seedsDir, sidecarName(file));
    const capturedOn = existsSync(sidecar) ? /captured:\s*(\d{4}-\d{2}-\d{2})/.exec(readFileSync(sidecar, 'utf8'))?.[1] : undefined;
    return parseDigest(readFileSync(join(seedsDir, file), 'utf8'), { file, capturedOn, today: new Date().toISOString().slice(0, 10) }).entries;
  });
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}
