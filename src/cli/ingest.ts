import { describeSummary, ingest, IngestError } from '../integrations/ingest.ts';
import { readSettings } from '../integrations/settings.ts';

// `npm run ingest [-- --allow-invalid]`: turns seeds/*.txt into content/papers/*.mdx and prints a summary.
const settings = readSettings();
if (process.argv.includes('--allow-invalid')) settings.allowInvalid = true;
try {
  const summary = await ingest(settings, process.stdout);
  for (const line of describeSummary(summary)) console.log(line);
} catch (error) {
  console.error(error instanceof IngestError ? error.message : error);
  process.exitCode = 1;
}
