import { spawn } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, type Scratch } from './site.ts';

/** What `npm run dev` costs on a catalog: seconds until the home page answers, and until an edited digest shows. */
export interface DevFigures {
  ready: number;
  editShown: number;
}

/** The title of the paper the bench adds to a digest while the dev server runs, and its slug. */
const ADDED = 'A Paper Added While The Dev Server Runs';
const ADDED_SLUG = 'a-paper-added-while-the-dev-server-runs';

/**
 * Removes the item of the paper `measureDev` added, once its digest is put back: the ingest would keep it (an item no
 * digest lists keeps its URL), and the builds measured next would publish a paper the catalog does not have.
 */
export function removeDevEdit(scratch: Scratch): void {
  rmSync(join(scratch.contentDir, 'papers', `${ADDED_SLUG}.mdx`), { force: true });
}

/**
 * Starts `astro dev` on a built scratch catalog, times the first answer of the home page, then appends a paper to
 * `digest` (a file of the scratch seeds) and times until the paper's page answers. Polls every 100 ms: a benchmark
 * reading a clock, not a test.
 */
export async function measureDev(scratch: Scratch, digest: string, port: number): Promise<DevFigures> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', ASTRO_TELEMETRY_DISABLED: '1', PAPERSHELF_SEEDS: scratch.seedsDir, PAPERSHELF_CONTENT: scratch.contentDir, PAPERSHELF_CACHE: scratch.cacheDir };
  delete env.PAPERSHELF_ALLOW_INVALID;
  delete env.PAPERSHELF_BASE;
  const started = performance.now();
  // --ignore-lock: a dev server the operator runs in this project must not stop this one (Astro allows one otherwise).
  const server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'], { cwd: root, env, stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}/`;
    await until(() => answers(base, 'Papershelf'), 300);
    const ready = (performance.now() - started) / 1000;
    const edited = performance.now();
    // Dated well before any generated digest's listing: a paper dated after its listing is rejected as a problem.
    appendFileSync(join(scratch.seedsDir, digest), `\n${ADDED}\n\nAn abstract written while the server runs.\n\n  • 3 authors\n·\nJan 2, 2020\n`);
    await until(() => answers(`${base}papers/${ADDED_SLUG}/`, ADDED), 120);
    return { ready, editShown: (performance.now() - edited) / 1000 };
  } finally {
    server.kill();
  }
}

async function answers(url: string, text: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok && (await response.text()).includes(text);
  } catch {
    return false;
  }
}

async function until(check: () => Promise<boolean>, limitSeconds: number): Promise<void> {
  const deadline = performance.now() + limitSeconds * 1000;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`the dev server did not answer within ${limitSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
