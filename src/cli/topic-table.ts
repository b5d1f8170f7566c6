import { resolve } from 'node:path';
import { formatDistribution, topicDistribution } from '../lib/papers/topic-distribution.ts';
import { readSettings } from '../ingest/settings.ts';
import { IngestFileError } from '../ingest/problems.ts';
import { readVocabulary } from '../ingest/vocabulary.ts';
import { readDigestFolders } from './read-digests.ts';

// `npm run topics [-- folder…] [-- --real]`: how content/topics.yaml spreads the papers of some digest folders
// (seeds/ by default; --real: the real 2024 digests in ../shared/real/2024) over its topics, as a markdown table.
const REAL_CORPUS = '../shared/real/2024';
const settings = readSettings();
const args = process.argv.slice(2);
const folders = [...args.filter((arg) => !arg.startsWith('--')), ...(args.includes('--real') ? [REAL_CORPUS] : [])];
if (folders.length === 0) folders.push(settings.seedsDir);

const vocabulary = await readVocabulary(settings.vocabularyFile).catch((error: unknown) => {
  if (!(error instanceof IngestFileError)) throw error;
  console.error(`${error.message}\nHint: ${error.hint}`);
  process.exit(1);
});
const read = readDigestFolders(folders.map((folder) => resolve(settings.root, folder)), settings.today);
console.log(`${read.digests} digests, ${read.entries.length} entries in ${folders.join(', ')}\n`);
process.stdout.write(formatDistribution(topicDistribution(read.entries, vocabulary)));
if (read.problems.length > 0) console.warn(`\n${read.problems.length} problem(s) in the digests, their entries not counted; the first: ${read.problems[0]}`);
