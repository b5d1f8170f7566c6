// `npm run gate:lighthouse`: Lighthouse over the home page and a paper page of the built site (dist/, built first if
// missing), served on 127.0.0.1 under its base path, in Debian's Chromium and offline: `lhci collect` runs each page
// three times, `lhci assert` asks for at least 0.95 in every category of the median run (settings in
// lighthouserc.cjs). Prints each page's median scores and the audits that cost points.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from '../bench/transfer.ts';
import { builtSite, withServedSite } from './built-site.ts';

const root = new URL('../..', import.meta.url).pathname;
const lhci = join(root, 'node_modules/.bin/lhci');
const results = join(root, '.lighthouseci');
/** The pages measured: the home page and a paper page of the seed. */
const paths = ['', 'papers/spiking-diffusion-models/'];

interface Lhr {
  requestedUrl: string;
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; displayValue?: string }>;
}

const chromium = chromiumPath();
if (!chromium) throw new Error('Lighthouse needs Debian\'s Chromium: apt-get install -y chromium');
const site = builtSite();
const env = { ...process.env, CHROME_PATH: chromium };

const passed = await withServedSite(site, async (url) => {
  const urls = paths.map((path) => `--url=${new URL(path, url).href}`);
  if ((await run(['collect', '--config=lighthouserc.cjs', ...urls])) !== 0) return false;
  report(url);
  return (await run(['assert', '--config=lighthouserc.cjs'])) === 0;
});
process.exitCode = passed ? 0 : 1;

/** Runs lhci without blocking this process, which serves the pages Lighthouse loads; resolves with its exit code. */
function run(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(lhci, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** The middle value; the upper middle of an even count. */
function median<T>(values: T[], by: (value: T) => number): T {
  return [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)]!;
}

/** Prints each page's median score in every category, and the audits that cost points in its median run. */
function report(url: string): void {
  const runs = readdirSync(results)
    .filter((name) => /^lhr-.*\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(results, name), 'utf8')) as Lhr);
  for (const path of paths) {
    const page = runs.filter((run) => run.requestedUrl === new URL(path, url).href);
    const scores = Object.keys(page[0]!.categories).map((id) => {
      const score = (run: Lhr) => run.categories[id]!.score ?? 0;
      return `${id} ${score(median(page, score)).toFixed(2)} (runs ${page.map(score).join(', ')})`;
    });
    console.log(`lighthouse /${path}: ${scores.join('; ')}`);
    const middle = median(page, (run) => run.categories.performance?.score ?? 0);
    for (const [id, category] of Object.entries(middle.categories)) {
      for (const ref of category.auditRefs) {
        const audit = middle.audits[ref.id]!;
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`  ${id}: ${ref.id} score ${audit.score} weight ${ref.weight}${audit.displayValue ? ` (${audit.displayValue})` : ''}: ${audit.title}`);
        }
      }
    }
  }
}
