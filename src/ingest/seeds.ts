import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isIsoDate } from '../lib/digest/date.ts';
import { parseApiDigest } from '../lib/digest/api.ts';
import { decodeDigest } from '../lib/digest/decode.ts';
import { parseDigest, sidecarName } from '../lib/digest/parse.ts';
import type { ParsedDigest } from '../lib/digest/types.ts';
import type { Settings } from './settings.ts';
import { fileError, type Problem } from './problems.ts';

// The seeds folder: every digest read, decoded and parsed, with its capture-date sidecar; every other entry named.

/**
 * Reads, decodes and parses every digest of the seeds folder: each `*.txt` (a copied page) with its optional
 * capture-date sidecar, each `*.json` (the Daily Papers API's answer); names every other file it ignores. Digest problems name the file from the project root.
 */
export function readDigests(settings: Pick<Settings, 'seedsDir' | 'today'>, where: (path: string) => string, recordedYears: ReadonlyMap<string, number>): { digests: ParsedDigest[]; problems: Problem[]; ignored: string[] } {
  const { seedsDir, today } = settings;
  let all: Dirent[];
  try {
    all = readdirSync(seedsDir, { withFileTypes: true });
  } catch (error) {
    throw fileError(error as NodeJS.ErrnoException, where(seedsDir), 'read');
  }
  const kinds = new Map(all.map((entry) => [entry.name, kindOf(seedsDir, entry)]));
  const files = new Set(all.filter((entry) => kinds.get(entry.name) === 'file').map((entry) => entry.name));
  const digests: ParsedDigest[] = [];
  const problems: Problem[] = [];
  const ignored: string[] = [];
  for (const entry of [...all].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const { name } = entry;
    const kind = kinds.get(name)!;
    if (kind !== 'file') {
      ignored.push(/\ba folder$/.test(kind) ? `${name}/ (${kind})` : `${name} (${kind})`);
      continue;
    }
    if (name.endsWith('.meta.yaml') && files.has(name.replace(/\.meta\.yaml$/, '.txt'))) continue; // a digest's sidecar
    if (!name.endsWith('.txt') && !name.endsWith('.json')) {
      ignored.push(name.endsWith('.meta.yaml') ? `${name} (a capture date for no digest)` : name);
      continue;
    }
    const path = join(seedsDir, name);
    let bytes: Buffer;
    try {
      // Synchronously, like the items: a large asynchronous read is decoded in chunks and joined, several times slower.
      bytes = readRegularFile(path);
    } catch (error) {
      throw fileError(error as NodeJS.ErrnoException, where(path), 'read');
    }
    const decoded = decodeDigest(bytes, name);
    if ('problem' in decoded) {
      problems.push({ ...decoded.problem, file: where(path) });
      continue;
    }
    if (decoded.text.trim() === '') {
      ignored.push(`${name} (empty)`);
      continue;
    }
    const digest = name.endsWith('.json') ? parseApiDigest(decoded.text, { file: name, today }) : parseTextDigest(decoded.text, name);
    digests.push(digest);
    problems.push(...digest.problems.map((problem) => ({ ...problem, file: where(join(seedsDir, problem.file)) })));
  }
  return { digests, problems, ignored };

  /** A text digest, with the capture date its sidecar states (JSON digests need none: their dates have years). */
  function parseTextDigest(text: string, name: string): ParsedDigest {
    const sidecar = sidecarName(name);
    const capturedOn = files.has(sidecar) ? readCaptureDate(join(seedsDir, sidecar), where, problems) : undefined;
    return parseDigest(text, { file: name, capturedOn, today, recordedYear: recordedYears.get(name) });
  }
}

/**
 * What a folder entry is: `file` for a file or a link to one, else what it is as the "ignored" line says it ("a
 * folder", "a named pipe", "a link to nothing", "a link loop", …). A named pipe is never opened: reading one waits
 * for a writer for ever.
 */
export function kindOf(dir: string, entry: Dirent): string {
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return kindOfStats(entry);
  try {
    const target = kindOfStats(statSync(join(dir, entry.name)));
    return target === 'file' ? target : target.replace(/^an? /, (article) => `a link to ${article}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'a link to nothing' : code === 'ELOOP' ? 'a link loop' : `a link that cannot be followed (${code ?? 'error'})`;
  }
}

function kindOfStats(stats: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'a device';
  return 'not a file';
}

/**
 * A file's bytes, opened without waiting (`O_NONBLOCK`) and read only when it is a regular file: an entry replaced by
 * a named pipe after the folder was listed is an EISDIR-like error, never a read that hangs.
 */
function readRegularFile(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'ENOTFILE' });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The capture date an operator stated in a sidecar `<digest>.meta.yaml` (`captured: YYYY-MM-DD`), if any. */
function readCaptureDate(path: string, where: (path: string) => string, problems: Problem[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw fileError(error as NodeJS.ErrnoException, where(path), 'read');
  }
  const problem = (line: number) =>
    problems.push({ file: where(path), line, kind: 'file', message: 'expected "captured: YYYY-MM-DD", the day the listing was captured' });
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    problem((error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1);
    return undefined;
  }
  const captured = (data as { captured?: unknown } | null)?.captured;
  const iso = captured instanceof Date ? captured.toISOString().slice(0, 10) : String(captured);
  if (isIsoDate(iso)) return iso;
  problem(1);
  return undefined;
}
