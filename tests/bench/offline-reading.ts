// What offline reading costs, measured on a real build and extrapolated per paper:
//   node tests/bench/offline-reading.ts            builds the 157 real days of 2024 (the API's answers: 2,202 papers,
//                                                  with authors by name) in a scratch folder, then measures its dist
//   node tests/bench/offline-reading.ts <dist>     measures a dist already built (say, a benchmark catalog's)
// It compares the two ways to open every paper offline: keeping every paper's page (its HTML, as a host sends it
// gzipped), or keeping the papers' offline copies (src/search/paper-copy.ts, what "keep the whole catalog" keeps), and
// prints the first visit's precache, which must stay under 1 MB. Pages and copies grow linearly with the papers (one
// page, one copy each), so a figure per paper times 10,000 or 100,000 is the catalog's; the index is Pagefind's own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readOfflineFiles } from '../../src/search/offline/write-worker.ts';
import { copyFileCount } from '../../src/search/paper-copy.ts';
import { buildSite, createFixtureSite } from '../helpers/fixture-site.ts';
import { realApiDayFiles, realApiDaysDir } from '../helpers/real-days.ts';

const SIZES = [10_000, 100_000];

async function realDist(): Promise<string> {
  const site = await createFixtureSite({ digests: [] });
  await mkdir(site.seedsDir, { recursive: true });
  for (const file of realApiDayFiles()) await cp(join(realApiDaysDir, file), join(site.seedsDir, file));
  const dist = join(site.dir, 'dist');
  const build = await buildSite(site, dist, { PAPERSHELF_TODAY: '2026-12-05' });
  if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
  return dist;
}

const dist = process.argv[2] ?? (await realDist());
const slugs = readdirSync(join(dist, 'papers'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'page').map((entry) => entry.name);
let pageBytes = 0;
let pageGzip = 0;
for (const slug of slugs) {
  const html = readFileSync(join(dist, 'papers', slug, 'index.html'));
  pageBytes += html.length;
  pageGzip += gzipSync(html).length;
}
const copies = readdirSync(join(dist, 'offline')).map((name) => statSync(join(dist, 'offline', name)).size);
const copyBytes = copies.reduce((sum, size) => sum + size, 0);
const { plan } = await readOfflineFiles(dist, '/');
const indexBytes = plan.manifest.bytes - copyBytes;
const manifestLine = Buffer.byteLength(readFileSync(join(dist, 'offline-manifest.json'))) / plan.manifest.files.length;

const papers = slugs.length;
const perPaper = { page: pageBytes / papers, pageGzip: pageGzip / papers, copy: copyBytes / papers, index: indexBytes / papers };
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`;
console.log(`measured: ${dist}, ${papers.toLocaleString('en')} papers`);
console.log(`  a paper's page: ${kb(perPaper.page)} of HTML (${kb(perPaper.pageGzip)} gzipped) on average`);
console.log(`  a paper's offline copy: ${kb(perPaper.copy)} (gzipped JSON, ${copies.length} files of ${mb(copyBytes)})`);
console.log(`  the search index: ${kb(perPaper.index)} a paper (${mb(indexBytes)})`);
console.log(`  a first visit precaches ${mb(plan.firstVisitBytes)} (its manifest ${plan.manifest.files.length} lines, about ${Math.round(manifestLine)} bytes a line)`);
for (const size of SIZES) {
  const files = copyFileCount(size);
  console.log(
    `at ${size.toLocaleString('en')} papers: keeping every page would download ${mb(perPaper.pageGzip * size)} (${mb(perPaper.page * size)} stored) in ${size.toLocaleString('en')} files; ` +
      `the copies download ${mb(perPaper.copy * size)} in ${files} files (+${kb(files * manifestLine)} of manifest on a first visit), besides the index's ${mb(perPaper.index * size)}`,
  );
}
