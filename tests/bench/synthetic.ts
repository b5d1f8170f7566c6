import { readFileSync } from 'node:fs';
import { parseDigest } from '../../src/lib/digest/parse.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Deterministic synthetic digests with `total` distinct papers, `perDigest` to a digest: titles and abstracts are the
 * seed's, varied by a number, so topics, links and lengths look like real ones.
 */
export function syntheticDigests(seedPath: string, total: number, perDigest = 500): { name: string; text: string }[] {
  const seed = parseDigest(readFileSync(seedPath, 'utf8'), { file: 'seed.txt' }).entries;
  const digests: { name: string; text: string }[] = [];
  for (let start = 0; start < total; start += perDigest) {
    const blocks: string[] = [];
    for (let i = start; i < Math.min(total, start + perDigest); i++) {
      const entry = seed[i % seed.length]!;
      const byline = i % 9 === 0 ? 'nvidia NVIDIA' : `  • ${(i % 14) + 1} authors`;
      const date = `${MONTHS[i % 12]} ${(i % 28) + 1}, ${2016 + (i % 10)}${i % 3 === 0 ? ` ${i % 50}` : ''}`;
      blocks.push(`${entry.title} (variant ${i})\n\n${entry.abstract.join('\n\n')}\n\n${byline}\n·\n${date}\n`);
    }
    digests.push({ name: `${String(digests.length + 1).padStart(3, '0')}_synthetic.txt`, text: `Daily Papers\n\nApr 13, 2026\n\n${blocks.join('\n')}` });
  }
  return digests;
}
