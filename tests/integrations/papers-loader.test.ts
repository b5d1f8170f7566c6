import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroError } from 'astro/errors';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test, vi } from 'vitest';
import { papersLoader } from '../../src/integrations/papers-loader.ts';

// The frontmatter reader, counted: an unchanged file must not be read as YAML again.
const frontmatterReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('@astrojs/markdown-remark', async (original) => {
  const actual = await original<typeof import('@astrojs/markdown-remark')>();
  return { ...actual, parseFrontmatter: (...args: Parameters<typeof actual.parseFrontmatter>) => (frontmatterReads.count++, actual.parseFrontmatter(...args)) };
});

interface Stored {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  digest?: string;
  filePath?: string;
  deferredRender?: boolean;
}

/** A stand-in for Astro's data store and loader context that records what the loader stores and parses. */
function fakeContext(root: string) {
  const entries = new Map<string, Stored>();
  const parsed: string[] = [];
  const moduleImports: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Stored) => (entries.set(entry.id, entry), true),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    delete: (id: string) => entries.delete(id),
    addModuleImport: (file: string) => moduleImports.push(file),
  };
  const context = {
    config: { root: pathToFileURL(`${root}/`) },
    store,
    logger: { error: () => undefined },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => (parsed.push(id), data),
    generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'),
  } as unknown as LoaderContext;
  return { context, entries, parsed, moduleImports };
}

const item = (slug: string, body = '') => `---\ntitle: "Paper ${slug}"\nslug: "${slug}"\n---\n${body}`;

async function folderWith(files: Record<string, string>): Promise<{ root: string; folder: string }> {
  const root = await mkdtemp(join(tmpdir(), 'papershelf-loader-'));
  const folder = join(root, 'content/papers');
  await mkdir(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  return { root, folder };
}

describe('papersLoader', () => {
  test('stores an item without a body as data only, and one with editors\' MDX for rendering', async () => {
    const { root, folder } = await folderWith({ 'a.mdx': item('a'), 'b.mdx': item('b', '\nAn editor\'s **note**.\n') });
    const { context, entries } = fakeContext(root);
    await papersLoader({ folder }).load(context);
    expect(entries.get('a')).toEqual({ id: 'a', data: { title: 'Paper a', slug: 'a' }, digest: expect.any(String), filePath: 'content/papers/a.mdx' });
    expect(entries.get('b')).toMatchObject({ body: 'An editor\'s **note**.', deferredRender: true, filePath: 'content/papers/b.mdx' });
  });

  test('keys items by their slug, not their file name', async () => {
    const { root, folder } = await folderWith({ 'old-name.mdx': item('the-slug') });
    const { context, entries } = fakeContext(root);
    await papersLoader({ folder }).load(context);
    expect([...entries.keys()]).toEqual(['the-slug']);
  });

  test('parses nothing again when no file changed, and still registers the modules of items with notes', async () => {
    const { root, folder } = await folderWith({ 'a.mdx': item('a'), 'b.mdx': item('b', 'Notes.') });
    const { context, parsed, moduleImports } = fakeContext(root);
    await papersLoader({ folder }).load(context);
    expect(parsed).toEqual(['a', 'b']);
    await papersLoader({ folder }).load(context);
    expect(parsed).toEqual(['a', 'b']);
    expect(moduleImports).toContain('content/papers/b.mdx');
  });

  test('reads the frontmatter of a changed file only, when the folder is loaded again', async () => {
    const { root, folder } = await folderWith({ 'a.mdx': item('a'), 'b.mdx': item('b', 'Notes.'), 'c.mdx': item('c') });
    const { context, entries } = fakeContext(root);
    await papersLoader({ folder }).load(context);
    await writeFile(join(folder, 'c.mdx'), item('c', 'New notes.'));
    const before = frontmatterReads.count;
    await papersLoader({ folder }).load(context);
    expect(frontmatterReads.count - before).toBe(1);
    expect(entries.get('c')).toMatchObject({ body: 'New notes.', deferredRender: true });
    expect(entries.get('b')).toMatchObject({ body: 'Notes.' });
  });

  test('drops entries whose file is gone', async () => {
    const { root, folder } = await folderWith({ 'a.mdx': item('a') });
    const { context, entries } = fakeContext(root);
    entries.set('gone', { id: 'gone', data: {} });
    await papersLoader({ folder }).load(context);
    expect([...entries.keys()]).toEqual(['a']);
  });

  test('fails, naming both files, when two items claim one slug', async () => {
    const { root, folder } = await folderWith({ 'a.mdx': item('same'), 'copy-of-a.mdx': item('same') });
    const { context } = fakeContext(root);
    await expect(papersLoader({ folder }).load(context)).rejects.toThrow('Two items claim the slug "same": content/papers/a.mdx and content/papers/copy-of-a.mdx.');
  });

  test('reads and keeps a BOM item, and one with CRLF line ends', async () => {
    const { root, folder } = await folderWith({ 'a.mdx': `\uFEFF${item('a', '\nNotes.\n')}`, 'b.mdx': item('b', '\nNotes.\n').replaceAll('\n', '\r\n') });
    const { context, entries } = fakeContext(root);
    await papersLoader({ folder }).load(context);
    expect(entries.get('a')).toMatchObject({ data: { title: 'Paper a', slug: 'a' }, body: 'Notes.', deferredRender: true });
    expect(entries.get('b')).toMatchObject({ data: { title: 'Paper b', slug: 'b' }, body: 'Notes.', deferredRender: true });
  });

  test('reports a YAML error at its line in the item, with a hint and no stack', async () => {
    const lines = ['---', ...Array.from({ length: 9 }, (_, index) => `key${index}: ${index}`), 'title: "unclosed \u001b[31m', '---', ''];
    for (const [name, text] of [['x.mdx', lines.join('\n')], ['bom.mdx', `\uFEFF${lines.join('\r\n')}`]] as const) {
      const { root, folder } = await folderWith({ [name]: text });
      const { context } = fakeContext(root);
      const error = await papersLoader({ folder }).load(context).then(() => undefined, (failure: unknown) => failure as AstroError);
      expect(error?.message).toMatch(new RegExp(`^content/papers/${name}:11:\\d+: the frontmatter is not valid YAML: `));
      expect(error?.message).toContain(String.raw`"title: \"unclosed \u001b[31m"`);
      expect(error?.message).not.toMatch(/[\u0000-\u001f]/);
      expect(error?.hint).toMatch(/Fix the YAML/);
      expect(error?.stack).toBe('');
    }
  });

  test('loads an empty or missing folder as no papers', async () => {
    const { root } = await folderWith({});
    const { context, entries } = fakeContext(root);
    await papersLoader({ folder: join(root, 'nowhere') }).load(context);
    expect(entries.size).toBe(0);
  });
});
