import { createHash } from 'node:crypto';
import { CARD_VIEW_EARLY } from '../../scripts/card-view.ts';

/** A script's CSP source: `sha256-` and the base64 digest of its exact text. */
export function scriptHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code).digest('base64')}`;
}

/**
 * The hashes of the inline scripts the pages carry, for the CSP's script-src (astro.config.mjs): Astro hashes the
 * scripts it bundles, not an `is:inline` one. Only the day lists' early card view (CardViewToggle.astro) is inline.
 */
export const inlineScriptHashes = [scriptHash(CARD_VIEW_EARLY)];
