import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { vocabularyProblem } from '../lib/schema.ts';
import { formatDistribution, topicDistribution } from '../lib/papers/topic-distribution.ts';
import type { Topic } from '../lib/papers/topics.ts';
import { readSettings } from '../ingest/settings.ts';
import { readDigestFolders } from './read-digests.ts';

// `npm run topics [-- folder…] [-- --real]`: how content/topics.yaml spreads the papers of some digest folders
// (seeds/ by default; --real: the real 2024 digests in ../shared/real/2024) over its topics, as a markdown table.
const REAL_CORPUS = '../shared/real/2024';
const settings = readSettings();
const args = process.argv.slice(2);
const folders = [...args.filter((arg) => !arg.startsWith('--')), ...(args.includes('--real') ? [REAL_CORPUS] : [])];
if (folders.length === 0) folders.push(settings.seedsDir);

const vocabularyPath = settings.vocabularyFile;
const vocabulary: unknown = parseYaml(readFileSync(vocabularyPath, 'utf8'));
const problem = vocabularyProblem(vocabulary);
if (problem) {
  console.error(`${vocabularyPath}: ${problem}`);
  process.exit(1);
}
const read = readDigestFolders(folders.map((folder) => resolve(settings.root, folder)), settings.today);
console.log(`${read.digests} digests, ${read.entries.length} entries in ${folders.join(', ')}\n`);
process.stdout.write(formatDistribution(topicDistribution(read.entries, vocabulary as Topic[])));
if (read.problems.length > 0) console.warn(`\n${read.problems.length} problem(s) in the digests, their entries not counted; the first: ${read.problems[0]}`);
