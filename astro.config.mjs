// @ts-check
import { defineConfig } from 'astro/config';
import papershelf from './src/integrations/papershelf.ts';
import { inlineScriptHashes } from './src/lib/site/inline-scripts.ts';

// PAPERSHELF_SHARD_SIZE splits the search index into shards of that many papers (tests use it on small catalogs): the
// index and the search page (through the settings papershelf() serves) read it from here.
const shardSize = Number(process.env.PAPERSHELF_SHARD_SIZE) || undefined;

// PAPERSHELF_SITE is the public origin (canonical URLs); PAPERSHELF_BASE a subpath to deploy under, e.g. /shelf/.
export default defineConfig({
  site: process.env.PAPERSHELF_SITE || 'https://papershelf.example.org',
  base: process.env.PAPERSHELF_BASE || '/',
  trailingSlash: 'always',
  // One cached stylesheet for every page instead of a copy inlined in each.
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: { syntaxHighlight: false },
  // Tests build fixture sites with their own content cache.
  cacheDir: process.env.PAPERSHELF_CACHE || './node_modules/.astro',
  // One integration: it registers MDX, the search index, the offline worker, the sitemap and the record, in order.
  integrations: [papershelf({ shardSize })],
  // Two routes claiming one URL lose a page: fail the build instead of warning.
  prerenderConflictBehavior: 'error',
  // Pages whose cacheKey (a hash of what they show) is unchanged are restored from the last build, not re-rendered.
  experimental: { incrementalBuild: true },
  security: {
    // Nothing beyond the site itself; Pagefind's UI draws icons from data: URLs. The search page alone also allows
    // WebAssembly ('wasm-unsafe-eval'), which Pagefind runs.
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'"], hashes: inlineScriptHashes },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    // Every .mdx module otherwise warns that Astro's head-injection directive may not be preserved; it is harmless.
    build: { rolldownOptions: { checks: { moduleLevelDirective: false } } },
  },
});
