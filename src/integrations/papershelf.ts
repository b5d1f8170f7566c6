import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockProject } from './build-lock.ts';
import { describeSummary, ingest, IngestError } from './ingest.ts';
import { PAPERS_LOADER } from './papers-loader.ts';
import { readSettings, type Settings } from './settings.ts';

/**
 * Runs the ingest (seeds → content/papers/*.mdx) before Astro reads the content collections, and again in
 * `astro dev` whenever a digest, a capture-date sidecar or the topic vocabulary changes.
 */
export default function papershelf(): AstroIntegration {
  const settings = readSettings();
  return {
    name: 'papershelf',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        // content.config.ts reads the same folder.
        process.env.PAPERSHELF_CONTENT = settings.contentDir;
        // One build at a time per content folder and outDir: see build-lock.ts.
        const lock = lockProject(command, { root: fileURLToPath(config.root), contentDir: settings.contentDir, outDir: fileURLToPath(config.outDir) }, logger);
        await run(settings, logger);
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
    },
  };
}

/** Runs one ingest and logs its summary; throws (failing the build) on problems unless they are allowed. */
async function run(settings: Settings, logger: AstroIntegrationLogger): Promise<void> {
  try {
    const summary = await ingest(settings, process.stdout);
    for (const line of describeSummary(summary)) (line.includes('skipped') ? logger.warn(line) : logger.info(line));
  } catch (error) {
    if (error instanceof IngestError) throw new Error(error.message);
    throw error;
  }
}
