import { createHash } from 'node:crypto';
import { CARD_VIEW_EARLY } from '../../scripts/card-view.ts';

/** A script's CSP source: `sha256-` and the base64 digest of its exact text. */
export function scriptHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code).digest('base64')}`;
}

/** The site's own inline scripts, each exactly as a page carries it: only the day lists' early card view (CardViewToggle.astro). */
export const INLINE_SCRIPTS: readonly string[] = [CARD_VIEW_EARLY];

/** Their hashes, for the CSP's script-src (astro.config.mjs): Astro hashes the scripts it bundles, not an `is:inline` one. */
export const inlineScriptHashes = INLINE_SCRIPTS.map(scriptHash);
