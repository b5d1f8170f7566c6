import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { quote } from '../lib/mdx/item.ts';
import { printable } from '../lib/shared/printable.ts';
import { inputError } from '../lib/shared/input-error.ts';

/** The name the papers loader registers under; `refreshContent({ loaders: [...] })` uses it. */
export const PAPERS_LOADER = 'papershelf-papers';

// How many times the loader has loaded the folder. On `globalThis`: content.config.ts runs the loader inside Vite's
// module graph, the integration that asks for a refresh outside it, and each has its own copy of this module.
const LOADS = Symbol.for('papershelf.papers-loads');
const slot = globalThis as { [LOADS]?: number };

/** How many times the papers loader has loaded the folder in this process: a refresh that loaded nothing is seen. */
export function papersLoads(): number {
  return slot[LOADS] ?? 0;
}

/**
 * Loads `<folder>/*.mdx`, one item per paper, keyed by its `slug`. An item whose MDX body is empty is data only:
 * nothing is compiled or bundled for it. Only an item whose body holds editors' MDX becomes a module, rendered on
 * demand (`deferredRender`), as `glob()` does for every file. Unchanged files (same digest) are not parsed again.
 */
export function papersLoader(options: { folder: string }): Loader {
  return {
    name: PAPERS_LOADER,
    load: async (context) => {
      const { config, store, watcher } = context;
      const root = fileURLToPath(config.root);
      const folder = options.folder;
      const names = (await readdir(folder).catch(() => [] as string[])).filter(isItem).sort();
      const untouched = new Set(store.keys());
      // What the data store holds by file: an unchanged file (same digest) is not parsed again.
      const stored = new Map(store.values().map((entry) => [entry.filePath, entry]));
      const owners = new Map<string, string>();
      const ids = new Map<string, string>();
      for (const name of names) {
        const path = join(folder, name);
        const id = await syncItem(context, root, path, await readFile(path, 'utf8'), stored);
        const previous = owners.get(id);
        if (previous) throw duplicateSlug(id, previous, relative(root, path));
        owners.set(id, relative(root, path));
        ids.set(path, id);
        untouched.delete(id);
      }
      for (const id of untouched) store.delete(id);
      slot[LOADS] = papersLoads() + 1;

      if (!watcher) return;
      // Editors' changes to an item in `astro dev`; the ingest's own writes arrive through refreshContent.
      watcher.add(folder);
      const onChange = async (path: string) => {
        if (!path.startsWith(folder + sep) || !isItem(path)) return;
        try {
          ids.set(path, await syncItem(context, root, path, await readFile(path, 'utf8')));
        } catch (error) {
          context.logger.error((error as Error).message);
        }
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', (path) => {
        const id = ids.get(path);
        if (id === undefined) return;
        store.delete(id);
        ids.delete(path);
      });
    },
  };
}

const isItem = (name: string) => name.endsWith('.mdx');

/** An entry of the data store, as the loader's context gives it. */
type StoredEntry = ReturnType<LoaderContext['store']['values']>[number];

/**
 * Stores one item unless its digest is unchanged; returns its id. `stored` (the store's entries by file, when loading
 * the whole folder) lets an unchanged file skip even its frontmatter: at 100,000 items, parsing YAML is most of a load.
 */
async function syncItem(context: LoaderContext, root: string, path: string, contents: string, stored?: ReadonlyMap<string | undefined, StoredEntry>): Promise<string> {
  const { store, parseData, generateDigest } = context;
  const filePath = relative(root, path).split(sep).join('/');
  const digest = generateDigest(contents);
  const known = stored?.get(filePath);
  if (known && known.digest === digest) {
    if (known.deferredRender) store.addModuleImport(filePath);
    return known.id;
  }
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(contents); // a byte order mark and CRLF line ends are read as well
  } catch (error) {
    throw invalidFrontmatter(filePath, contents, error);
  }
  // A copy: the YAML parser's strings are slices of the file's text and keep all of it alive as long as the store
  // holds them (2 KB an item, 220 MB of a 100,000-paper build's heap); structuredClone gives each string its own bytes.
  const raw = structuredClone(parsed.frontmatter) as Record<string, unknown>;
  const id = typeof raw.slug === 'string' && raw.slug !== '' ? raw.slug : filePath.replace(/^.*\//, '').replace(/\.mdx$/, '');
  const existing = store.get(id);
  if (existing?.digest === digest && existing.filePath === filePath) {
    if (existing.deferredRender) store.addModuleImport(filePath);
    return id;
  }
  const data = await parseData({ id, data: raw, filePath });
  const body = parsed.content.trim();
  store.set(body === '' ? { id, data, digest, filePath } : { id, data, body, digest, filePath, deferredRender: true });
  return id;
}

/**
 * An item whose frontmatter YAML cannot be read, named at its line and column in the file. The YAML parser (js-yaml)
 * counts lines from the opening `---` line; its message would show the lines as they are, so its reason and the
 * offending line are quoted with their control characters escaped instead.
 */
function invalidFrontmatter(filePath: string, contents: string, error: unknown): AstroError {
  const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
  const opening = /---/.exec(contents)?.index ?? 0;
  const line = contents.slice(0, opening).split('\n').length + (mark?.line ?? 0);
  const column = (mark?.column ?? 0) + 1;
  const text = (contents.split('\n')[line - 1] ?? '').replace(/\r$/, '');
  const quoted = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return inputError(
    `${filePath}:${line}:${column}: the frontmatter is not valid YAML: ${printable(reason ?? (error as Error).message)}${quoted === '' ? '' : `, in ${quote(quoted)}`}`,
    'Fix the YAML between the two "---" lines at that line; the ingest never rewrites a file it cannot read.',
  );
}

function duplicateSlug(slug: string, first: string, second: string): AstroError {
  return inputError(
    `Two items claim the slug ${quote(slug)}: ${first} and ${second}.`,
    'A slug is one page\'s permanent URL. Keep one of the files, or give the other its own slug.',
  );
}
