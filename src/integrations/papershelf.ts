import mdx from '@astrojs/mdx';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { lockProject } from './build-lock.ts';
import { finishOutput, keepOrEmpty, type KeptOutput } from './kept-output.ts';
import offlineWorker from './offline-worker.ts';
import searchIndex from './search-index.ts';
import sitemap from './sitemap-pages.ts';
import { describeSummary, ingest, IngestError, IngestFileError } from '../ingest/ingest.ts';
import { PAPERS_LOADER, papersLoads } from './papers-loader.ts';
import { readSettings, type Settings } from '../ingest/settings.ts';
import { checkRecord, publishedPaths, readRecordAtStart, type Recorded } from './record-urls.ts';
import { printable } from '../lib/shared/printable.ts';
import { readRedirects, REDIRECTS_FILE, type Moved } from '../lib/site/redirects.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { lastRenderedItem, missingOutput } from '../lib/site/build-output.ts';
import { parse as parseYaml } from 'yaml';
import { inputError } from '../lib/shared/input-error.ts';
import { SHARD_SIZE } from '../lib/shared/search-shards.ts';

/**
 * The catalog's one integration (as Starlight's index.ts): it registers its parts in the order their hooks must run,
 * then runs the ingest (seeds → content/papers/*.mdx) before Astro reads the content collections, and again in
 * `astro dev` whenever a digest, a capture-date sidecar or the topic vocabulary changes; after a build, it checks the
 * build against the record of published URLs. The parts, in order: MDX for editors' notes, the search index, the
 * offline worker written from the finished index, the sitemap, and last the record of the build's new URLs, so only
 * a build that wholly succeeded is recorded. `shardSize` is the search index's, which the search page needs too.
 */
export default function papershelf(options: { shardSize?: number } = {}): AstroIntegration {
  const shardSize = options.shardSize ?? SHARD_SIZE;
  let settings: Settings;
  let recordWhenDone = () => {};
  // The record of published URLs, read once when a build starts and checked against its output at the end.
  let recorded: Recorded = { paths: [], exists: false };
  // Whether the last integration saw the whole output: until then, an exit is a build that did not finish.
  let finished = false;
  // The operator's redirects (content/redirects.yaml), read with the settings and served with them.
  let redirects: Moved[] = [];
  // dist/ as this build found it (kept from the last finished build, or emptied), and the build's cache folder.
  let output: KeptOutput | undefined;
  let cacheDir = '';
  const shelf: AstroIntegration = {
    name: 'papershelf',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        // Integrations added here run their hooks after this one's, in this order (Astro runs added ones in turn).
        updateConfig({ integrations: [mdx(), searchIndex({ shardSize }), offlineWorker(), ...sitemap(), record] });
        // The environment is read here, once, against the project's root; the rest takes settings as arguments.
        settings = readSettings(process.env, fileURLToPath(config.root));
        // content.config.ts and the catalog read the settings from this module.
        updateConfig({ vite: { plugins: [settingsModule({ contentDir: settings.contentDir, vocabularyFile: settings.vocabularyFile, shardSize, redirects: () => redirects })] } });
        let lock: ReturnType<typeof lockProject> | undefined;
        try {
          // One build at a time per content folder and outDir: see build-lock.ts. Finding one running is not a crash.
          lock = lockProject(command, { root: fileURLToPath(config.root), contentDir: settings.contentDir, outDir: fileURLToPath(config.outDir) }, logger);
          // From here on, an exit before the end of the build is a build that did not finish.
          if (command === 'build') guardUnfinishedExit(() => finished, logger);
          if (command === 'build') recorded = checkRecordAtStart(settings);
          if (command === 'build') {
            // Astro would empty dist/; kept-output.ts keeps it when the last finished build left it (see there).
            updateConfig({ vite: { build: { emptyOutDir: false } } });
            cacheDir = fileURLToPath(config.cacheDir);
            output = keepOrEmpty(fileURLToPath(config.outDir), cacheDir);
            if (output.kept) logger.info('dist/ is the last finished build\'s: unchanged pages stay in place');
          }
          redirects = loadRedirects(settings.contentDir);
          await run(settings, logger);
        } catch (error) {
          // A problem with the input is not a crash: see stop().
          if (!(error instanceof AstroError)) throw error;
          stop(logger, error.message, error.hint ?? '');
        }
        lock?.ingested();
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const vocabulary = settings.vocabularyFile;
        server.watcher.add([settings.seedsDir, vocabulary]);
        let queue = Promise.resolve();
        server.watcher.on('all', (_event, file) => {
          const isInput = (file.startsWith(settings.seedsDir + sep) && /\.(txt|json|meta\.yaml)$/.test(file)) || file === vocabulary;
          if (!isInput) return;
          // One ingest at a time; a failing one is logged and the server keeps the last good content.
          queue = queue.then(async () => {
            logger.info(`${relative(process.cwd(), file)} changed: ingesting again`);
            try {
              await run(settings, logger);
              await refreshUntilLoaded(() => refreshContent?.({ loaders: [PAPERS_LOADER, 'file-loader'] }));
              server.ws.send({ type: 'full-reload' });
            } catch (error) {
              logger.error((error as Error).message);
            }
          });
        });
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        // A published URL is a promise: check this build against the record, and record what it adds.
        const published = publishedPaths(fileURLToPath(dir), assets);
        // A redirect must lead somewhere this build published.
        const nowhere = redirects.filter((redirect) => !published.has(`/${redirect.to}`));
        if (nowhere.length > 0) {
          stop(
            logger,
            `${nowhere.length} redirect(s) of ${REDIRECTS_FILE} lead to no page:\n${nowhere.map((redirect) => `  /${printable(redirect.from)} → /${printable(redirect.to)}`).join('\n')}`,
            'Point each `to` at a page the catalog publishes (a path below the base, such as /topics/language-models/).',
          );
        }
        // A retired file must really be gone: a host that reads _redirects would send its readers away from it.
        const claimed = redirects.filter((redirect) => !redirect.from.endsWith('/') && published.has(`/${redirect.from}`));
        if (claimed.length > 0) {
          stop(
            logger,
            `${claimed.length} redirect(s) of ${REDIRECTS_FILE} retire a file the build still publishes:\n${claimed.map((redirect) => `  /${printable(redirect.from)}`).join('\n')}`,
            'Remove these redirects from the file: the URL works again.',
          );
        }
        // A retired URL leads on: a page's through its redirect page (published above), a file's through _redirects.
        for (const redirect of redirects) published.add(`/${redirect.from}`);
        const outcome = checkRecord(settings.contentDir, recorded, published);
        const file = shown(outcome.file);
        if (outcome.dropped.length > 0) {
          stop(
            logger,
            `${outcome.dropped.length} published URL(s) of ${file} would stop working:\n${outcome.dropped.map((path) => `  ${printable(path)}`).join('\n')}`,
            'Keep the page, or make its URL lead on: list it in content/redirects.yaml (from: the old path, to: its new place), or merge its item into another (merged_into: <slug>). See docs/operating.md, "Permanent URLs".',
          );
        }
        // Recorded by the last integration, once indexing and the sitemap have succeeded too.
        recordWhenDone = () => {
          outcome.record();
          if (outcome.added.length > 0) logger.info(`${file}: ${outcome.added.length} new URL(s) recorded`);
        };
      },
    },
  };
  const record: AstroIntegration = {
    name: 'papershelf-record',
    hooks: {
      'astro:build:done': ({ dir, assets, logger }) => {
        // Every page the routes wrote, the index, the worker and the sitemap: a build without them did not finish.
        const out = fileURLToPath(dir);
        const written = [...assets.values()].flat().map((url) => relative(out, fileURLToPath(url)));
        const missing = missingOutput(written, (file) => existsSync(join(out, file)));
        if (missing.length > 0) {
          stop(
            logger,
            `the build did not write ${missing.length} file(s) it must publish:\n${missing.slice(0, 20).map((file) => `  ${printable(file)}`).join('\n')}${missing.length > 20 ? `\n  … and ${missing.length - 20} more` : ''}`,
            'Nothing was recorded. Build again; if a file is still missing, an integration or an editor\'s MDX stopped it.',
          );
        }
        recordWhenDone();
        // What this build neither wrote nor kept goes (pages of routes that are gone, older bundles), and dist/ is noted
        // as finished, so the next build may keep it.
        if (output) {
          const removed = finishOutput(out, cacheDir, output.since, new Set(written));
          if (removed > 0) logger.info(`removed ${removed} file(s) of earlier builds from dist/`);
        }
        finished = true;
      },
    },
  };
  return shelf;
}

/**
 * Asks Astro to load the content again until the papers loader has run. The ingest's own write of digests.json makes
 * Astro reload its content config, and a refresh asked while that is under way returns at once having loaded nothing
 * (astro/dist/integrations/hooks.js refreshContent): the edited digest would never show. So it asks again, a moment
 * later each time, until the loader ran; after 10 s it says so instead of waiting for ever.
 */
async function refreshUntilLoaded(refresh: () => Promise<void> | undefined): Promise<void> {
  const before = papersLoads();
  for (let wait = 50; wait <= 10_000; wait *= 2) {
    await refresh();
    if (papersLoads() !== before) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new Error('the content was not loaded again after the ingest; restart `npm run dev` to see the change');
}

/** The id content.config.ts and the catalog import the settings they need from: the one way settings reach pages. */
const SETTINGS_MODULE = 'virtual:papershelf/settings';

/** What `virtual:papershelf/settings` serves (declared for its readers in src/env.d.ts). */
interface ServedSettings {
  /** The content folder, as the ingest used it. */
  contentDir: string;
  /** The topic vocabulary's file. */
  vocabularyFile: string;
  /** Papers per shard of the search index: the search page merges the shards. */
  shardSize: number;
  /** The operator's redirects, read when the build starts. */
  redirects: () => Moved[];
}

/** A Vite plugin serving `virtual:papershelf/settings` (see ServedSettings). */
function settingsModule(served: ServedSettings): NonNullable<NonNullable<AstroConfig['vite']>['plugins']>[number] {
  const resolved = `\0${SETTINGS_MODULE}`;
  const line = (name: string, value: unknown) => `export const ${name} = ${JSON.stringify(value)};`;
  return {
    name: 'papershelf-settings',
    resolveId: (id: string) => (id === SETTINGS_MODULE ? resolved : undefined),
    load: (id: string) =>
      id === resolved ? [line('contentDir', served.contentDir), line('vocabularyFile', served.vocabularyFile), line('shardSize', served.shardSize), line('redirects', served.redirects())].join('\n') : undefined,
  };
}

/**
 * Stops the build over a problem with its input, said as it is with its hint: thrown from a hook, Astro would announce
 * it as "an unhandled error" with a stack, which reads like a crash. The locks go with the process.
 */
function stop(logger: AstroIntegrationLogger, message: string, hint: string): never {
  logger.error(`${message}\n  Hint:\n    ${hint}`);
  process.exit(1);
}

/**
 * Makes an exit before the build finished a failure, whatever code it asked for: an editor's MDX may call
 * `process.exit(0)` halfway through rendering, which would leave a partial `dist/` behind exit 0. The message names
 * the item whose page was being rendered, if one was.
 */
function guardUnfinishedExit(isFinished: () => boolean, logger: AstroIntegrationLogger): void {
  process.once('exit', (code) => {
    if (isFinished()) return;
    const item = lastRenderedItem();
    const cause = item ? ` while the page of ${item} was rendered: its MDX body may have ended the process` : '';
    if (code === 0 || item) logger.error(`the build stopped before it finished (exit code ${code})${cause}. dist/ is incomplete and nothing was recorded.`);
    if (code === 0) process.exitCode = 1;
  });
}

/** A file's name from the project root when it lies inside it, else its absolute name. */
function shown(file: string): string {
  const name = relative(process.cwd(), file);
  return name === '' || name.startsWith('..') ? file : name;
}

/**
 * Checks the record of published URLs before anything is built (see readRecordAtStart). Items are counted before the
 * ingest: a catalog whose first ingest runs now is new.
 */
function checkRecordAtStart(settings: Settings): Recorded {
  const papersDir = join(settings.contentDir, 'papers');
  const items = existsSync(papersDir) ? readdirSync(papersDir).filter((name) => name.endsWith('.mdx')).length : 0;
  const record = readRecordAtStart(settings.contentDir, { items, newCatalog: settings.newCatalog, shown });
  if ('problem' in record) {
    throw inputError(printable(record.problem), record.hint);
  }
  return record;
}

/** The operator's redirects file of the content folder, read and checked; none when there is no such file. */
function loadRedirects(contentDir: string): Moved[] {
  const file = join(contentDir, REDIRECTS_FILE);
  if (!existsSync(file)) return [];
  const { moved, problems } = readRedirects(readFileSync(file, 'utf8'), parseYaml);
  if (problems.length === 0) return moved;
  const name = shown(file);
  throw inputError(`${name}: ${problems.length} problem(s):\n${problems.map((problem) => `  ${printable(problem)}`).join('\n')}`, 'Each redirect is a list item with from: /old/page/ and to: /new/place/, both paths below the base.');
}

/** Runs one ingest and logs its summary; throws (failing the build) on problems unless they are allowed. */
async function run(settings: Settings, logger: AstroIntegrationLogger): Promise<void> {
  try {
    const summary = await ingest(settings, process.stdout);
    for (const line of describeSummary(summary)) logger[line.level](line.text);
  } catch (error) {
    throw asInputError(error);
  }
}

/**
 * A problem with the input (a digest, an item, a file the build cannot read or write) as an AstroError with a hint
 * and no stack trace: a stack is for bugs, and this is not one. Anything else is thrown as it is.
 */
function asInputError(error: unknown): unknown {
  if (!(error instanceof IngestError || error instanceof IngestFileError)) return error;
  return inputError(error.message, error.hint);
}
