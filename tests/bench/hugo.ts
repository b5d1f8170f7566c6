import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import type { DigestEntry } from '../../src/lib/digest/types.ts';
import { assignTopics, compileVocabulary, type Topic } from '../../src/lib/papers/topics.ts';
import { countFolder, root, type FolderFigures } from './site.ts';
import { runMeasured, type RunFigures } from './stages.ts';

/** The Hugo + Pagefind CLI build of the same papers: each run measured, and what it wrote. */
export interface HugoFigures {
  hugo: RunFigures;
  pagefind: RunFigures;
  output: FolderFigures;
}

/** The Hugo version on PATH, or undefined when there is none. */
export function hugoVersion(): string | undefined {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim().split(' ')[1];
  } catch {
    return undefined;
  }
}

/**
 * Writes a Hugo site of the parsed entries into `dir` (the templates of tests/bench/hugo/, one content file per paper
 * with its topics from the real vocabulary and rule), builds it with Hugo, then indexes its paper pages with the
 * Pagefind CLI, measuring each. Throws when either fails.
 */
export async function buildHugo(dir: string, entries: readonly DigestEntry[]): Promise<HugoFigures> {
  cpSync(join(import.meta.dirname, 'hugo'), dir, { recursive: true });
  writeContent(join(dir, 'content/papers'), entries);
  const env = { ...process.env };
  const hugo = await runMeasured('hugo', ['--source', dir, '--destination', join(dir, 'public'), '--cacheDir', join(dir, 'cache'), '--quiet'], { cwd: dir, env });
  if (hugo.code !== 0) throw new Error(`hugo failed (exit ${hugo.code}):\n${hugo.lines.slice(-30).map((line) => line.text).join('\n')}`);
  const pagefindCli = join(root, 'node_modules/.bin/pagefind');
  const pagefind = await runMeasured(pagefindCli, ['--site', join(dir, 'public'), '--glob', 'papers/**/*.html', '--force-language', 'en'], { cwd: dir, env });
  if (pagefind.code !== 0) throw new Error(`pagefind failed (exit ${pagefind.code}):\n${pagefind.lines.slice(-30).map((line) => line.text).join('\n')}`);
  return { hugo, pagefind, output: countFolder(join(dir, 'public')) };
}

/** One Markdown file per paper: front matter with the taxonomies papershelf has pages for, the abstract as body. */
function writeContent(folder: string, entries: readonly DigestEntry[]): void {
  mkdirSync(folder, { recursive: true });
  const vocabulary = compileVocabulary(parseYaml(readFileSync(join(root, 'content/topics.yaml'), 'utf8')) as Topic[]);
  const names = new Set<string>();
  for (const entry of entries) {
    const base = entry.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'paper';
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
    names.add(name);
    const byline = entry.byline.kind === 'authors' ? entry.byline.count : 'organization';
    const frontMatter = {
      title: entry.title,
      date: entry.date,
      topics: assignTopics(entry, vocabulary),
      years: [entry.date.slice(0, 4)],
      months: [entry.date.slice(0, 7)],
      authors: [String(byline)],
      byline: entry.byline.kind === 'authors' ? `${entry.byline.count} authors` : entry.byline.name,
      upvotes: entry.upvotes,
    };
    writeFileSync(join(folder, `${name}.md`), `---\n${stringify(frontMatter)}---\n\n${entry.abstract.join('\n\n')}\n`);
  }
}
