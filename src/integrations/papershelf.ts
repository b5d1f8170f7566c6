import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { lockProject } from './build-lock.ts';
import { describeSummary, ingest, IngestError, IngestFileError } from './ingest.ts';
import { PAPERS_LOADER } from './papers-loader.ts';
import { readSettings, type Settings } from './settings.ts';
import { publishedPaths, updateRecord } from './url-record.ts';
import { printable } from '../lib/printable.ts';

/**
 * Runs the ingest (seeds → content/papers/*.mdx) before Astro reads the content collections, and again in
 * `astro dev` whenever a digest, a capture-date sidecar or the topic vocabulary changes.
 */
export default function papershelf(): AstroIntegration {
  let settings: Settings;
  return {
    name: 'papershelf',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        // The environment is read here, once, against the project's root; the rest takes settings as arguments.
        settings = readSettings(process.env, fileURLToPath(config.root));
        // content.config.ts reads the content folder from this module.
        updateConfig({ vite: { plugins: [settingsModule(settings)] } });
        // One build at a time per content folder and outDir: see build-lock.ts.
        const lock = lockProject(command, { root: fileURLToPath(config.root), contentDir: settings.contentDir, outDir: fileURLToPath(config.outDir) }, logger);
        try {
          await run(settings, logger);
        } catch (error) {
          // Astro announces any error a hook throws as "an unhandled error", which reads like a crash. A problem with
          // the input is not one: say it as it is, with its hint, and stop (the lock goes with the process).
          if (!(error instanceof AstroError)) throw error;
          logger.error(`${error.message}\n  Hint:\n    ${error.hint ?? ''}`);
          process.exit(1);
        }
        lock.ingested();
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const vocabulary = `${settings.contentDir}${sep}topics.yaml`;
        server.watcher.add([settings.seedsDir, vocabulary]);
        let queue = Promise.resolve();
        server.watcher.on('all', (_event, file) => {
          const isInput = (file.startsWith(settings.seedsDir + sep) && /\.(txt|meta\.yaml)$/.test(file)) || file === vocabulary;
          if (!isInput) return;
          // One ingest at a time; a failing one is logged and the server keeps the last good content.
          queue = queue.then(async () => {
            logger.info(`${relative(process.cwd(), file)} changed: ingesting again`);
            try {
              await run(settings, logger);
              await refreshContent?.({ loaders: [PAPERS_LOADER, 'file-loader'] });
              server.ws.send({ type: 'full-reload' });
            } catch (error) {
              logger.error((error as Error).message);
            }
          });
        });
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        // A published URL is a promise: check this build against the record, and record what it adds.
        const outcome = updateRecord(settings.contentDir, publishedPaths(fileURLToPath(dir), assets));
        const file = relative(process.cwd(), outcome.file) || outcome.file;
        if (outcome.dropped.length > 0) {
          logger.error(
            `${outcome.dropped.length} published URL(s) of ${file} would stop working:\n${outcome.dropped.map((path) => `  ${printable(path)}`).join('\n')}\n` +
              '  Hint:\n    Keep the page, or make its URL redirect: an item merged into another (merged_into: <slug>) leads to that paper. See README, "Permanent URLs".',
          );
          process.exit(1);
        }
        if (outcome.added.length > 0) logger.info(`${file}: ${outcome.added.length} new URL(s) recorded`);
      },
    },
  };
}

/** The id content.config.ts imports the settings it needs from. */
const SETTINGS_MODULE = 'virtual:papershelf/settings';

/** A Vite plugin serving `virtual:papershelf/settings`: the content folder, as the ingest used it. */
function settingsModule(settings: Settings): NonNullable<NonNullable<AstroConfig['vite']>['plugins']>[number] {
  const resolved = `\0${SETTINGS_MODULE}`;
  return {
    name: 'papershelf-settings',
    resolveId: (id: string) => (id === SETTINGS_MODULE ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export const contentDir = ${JSON.stringify(settings.contentDir)};` : undefined),
  };
}

/** Runs one ingest and logs its summary; throws (failing the build) on problems unless they are allowed. */
async function run(settings: Settings, logger: AstroIntegrationLogger): Promise<void> {
  try {
    const summary = await ingest(settings, process.stdout);
    for (const line of describeSummary(summary)) logger[line.level](line.text);
  } catch (error) {
    throw inputError(error);
  }
}

/**
 * A problem with the input (a digest, an item, a file the build cannot read or write) as an AstroError with a hint
 * and no stack trace: a stack is for bugs, and this is not one. Anything else is thrown as it is.
 */
function inputError(error: unknown): unknown {
  if (!(error instanceof IngestError || error instanceof IngestFileError)) return error;
  const astroError = new AstroError(error.message, error.hint);
  astroError.stack = '';
  return astroError;
}
