import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { Topic } from '../lib/papers/topics.ts';
import { vocabularyProblem } from '../lib/schema.ts';
import { IngestFileError } from './problems.ts';


/** Reads the topic vocabulary, failing with the file's name and what is wrong when it is not a valid list of topics. */
export async function readVocabulary(path: string): Promise<Topic[]> {
  const data: unknown = parseYaml(await readFile(path, 'utf8'));
  const problem = vocabularyProblem(data);
  if (problem) throw new IngestFileError(`${path}: ${problem}`, 'Fix the topic vocabulary; each topic has an id, a name, a description and terms.');
  return data as Topic[];
}
