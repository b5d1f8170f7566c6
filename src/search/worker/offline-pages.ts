import { withBase } from '../../lib/shared/paths.ts';
import { framedPage, needsNetworkPage, paperCopyMain } from '../offline-html.ts';
import { copyFileOf, paperSlugOf, type PaperCopy } from '../paper-copy.ts';
import type { IndexFiles } from './index-files.ts';
import type { WorkerState } from './scope.ts';

/**
 * The page a navigation gets offline for a page this device does not keep, in the site's own frame: a paper's offline
 * copy when the reader kept the whole catalog (src/search/paper-copy.ts), else a page saying that it needs the network.
 */
export async function offlinePage(state: WorkerState, index: IndexFiles, url: URL): Promise<Response> {
  const { base, copyFiles, frame } = state.settings;
  const slug = paperSlugOf(base, url.pathname);
  const paper = slug !== undefined && copyFiles > 0 ? await keptCopy(index, withBase(base, copyFileOf(slug, copyFiles)), slug) : undefined;
  const page = paper ? { title: paper.title, main: paperCopyMain(paper, base) } : needsNetworkPage(base);
  return new Response(framedPage(frame, page.title, page.main), { status: paper ? 200 : 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** A paper's copy from the kept file of copies that holds it, unpacked; `undefined` when this device does not keep it. */
async function keptCopy(index: IndexFiles, path: string, slug: string): Promise<PaperCopy | undefined> {
  const kept = await index.kept(path);
  if (!kept?.body) return undefined;
  const copies = (await new Response(kept.body.pipeThrough(new DecompressionStream('gzip'))).json()) as PaperCopy[];
  return copies.find((copy) => copy.slug === slug);
}
