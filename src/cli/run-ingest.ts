import { AstroError } from 'astro/errors';
import { takeLocks } from '../integrations/build-lock.ts';
import { describeSummary, ingest, IngestError, IngestFileError } from '../ingest/ingest.ts';
import { readSettings } from '../ingest/settings.ts';

// `npm run ingest [-- --allow-invalid]`: turns seeds/*.txt and seeds/*.json into content/papers/*.mdx and prints a summary.
// The flag is the environment's setting by another name, read as the settings are read: nothing mutates them after.
const settings = readSettings(process.argv.includes('--allow-invalid') ? { ...process.env, PAPERSHELF_ALLOW_INVALID: '1' } : process.env);
let lock: { release: () => void } | undefined;
try {
  // Never while a build or the dev server writes the same content folder (see build-lock.ts).
  lock = takeLocks([settings.contentDir], 'npm run ingest', { root: settings.root, onTakeOver: console.warn });
  const summary = await ingest(settings, process.stdout);
  for (const line of describeSummary(summary)) (line.level === 'warn' ? console.warn : console.log)(line.text);
} catch (error) {
  // A problem with the input, or another run holding the content, is a message and a hint; a stack is for bugs.
  if (error instanceof IngestError || error instanceof IngestFileError || error instanceof AstroError) console.error(`${error.message}\nHint: ${error.hint}`);
  else console.error(error);
  process.exitCode = 1;
} finally {
  lock?.release();
}
