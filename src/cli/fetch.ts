import { readSettings } from '../ingest/settings.ts';
import { fetchDays } from '../fetch/fetch-days.ts';
import { readFetchOptions, USAGE } from '../lib/fetch/options.ts';
import { describeDay, describeRun } from '../lib/fetch/report.ts';

// `npm run fetch -- --date YYYY-MM-DD` (or --from/--to): saves the Daily Papers API's answers into the seeds folder.
// Exit codes: 0 every day saved, skipped or empty; 1 some day failed (nothing written for it); 2 a wrong argument.
let settings;
try {
  settings = readSettings();
} catch (error) {
  console.error(`npm run fetch: ${(error as Error).message}`);
  process.exit(2);
}
const read = readFetchOptions(process.argv.slice(2), process.env, settings.today);
if ('help' in read) {
  console.log(USAGE);
} else if ('problem' in read) {
  console.error(`npm run fetch: ${read.problem}\n${USAGE}`);
  process.exitCode = 2;
} else {
  try {
    const outcomes = await fetchDays(read.options, {
      seedsDir: settings.seedsDir,
      root: settings.root,
      onDay: (outcome) => (outcome.kind === 'failed' ? console.error : console.log)(describeDay(outcome)),
      onRetry: console.warn,
    });
    console.log(describeRun(outcomes));
    if (outcomes.some((outcome) => outcome.kind === 'failed')) process.exitCode = 1;
  } catch (error) {
    // A seeds folder that cannot be made (EACCES, a file in its place) is the machine's state, not a bug: no stack.
    console.error((error as { code?: unknown }).code ? `npm run fetch: ${(error as Error).message}` : error);
    process.exitCode = 1;
  }
}
