import { access, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setTimeout as sleepFor } from 'node:timers/promises';
import writeFileAtomic from 'write-file-atomic';
import { checkAnswer } from '../lib/fetch/answer.ts';
import { answerUrl, type FetchOptions } from '../lib/fetch/options.ts';
import { formatWait, type DayOutcome } from '../lib/fetch/report.ts';
import { planRetry, readRetryAfter } from '../lib/fetch/retry.ts';
import { askOnce } from './request.ts';

/** Where answers go and what the run may touch; the clock and the sleep are passed so tests replace them. */
export interface FetchContext {
  /** The seeds folder (the ingest's settings.seedsDir). */
  seedsDir: string;
  /** The project folder: messages name files relative to it (`seeds/2024-05-27.json`). */
  root: string;
  /** Waits between retries; `setTimeout` unless a test records the waits instead. */
  sleep?: (ms: number) => Promise<unknown>;
  /** The clock a Retry-After date is read against. */
  now?: () => Date;
  /** Told each day's outcome as soon as it is known, so a long range reports as it goes. */
  onDay?: (outcome: DayOutcome) => void;
  /** Told each retry (`2024-05-27: the API answered 503, asking again in 2 s (try 2 of 4)`). */
  onRetry?: (line: string) => void;
}

/**
 * Fetches the days one after another (politeness towards the API matters more than speed for a few days a run),
 * saving each valid answer as `<seeds>/<day>.json`; a day that fails writes nothing and the next day still runs.
 */
export async function fetchDays(options: FetchOptions, context: FetchContext): Promise<DayOutcome[]> {
  await mkdir(context.seedsDir, { recursive: true });
  const outcomes: DayOutcome[] = [];
  for (const day of options.days) {
    const outcome = await fetchDay(day, options, context);
    context.onDay?.(outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

async function fetchDay(day: string, options: FetchOptions, context: FetchContext): Promise<DayOutcome> {
  const path = join(context.seedsDir, `${day}.json`);
  const file = relative(context.root, path);
  if (!options.force && (await exists(path))) return { day, kind: 'skipped', file };
  const url = answerUrl(options.api, day);
  for (let retriesDone = 0; ; retriesDone++) {
    const attempt = await askOnce(url, options.timeoutMs);
    if (attempt.kind === 'unreachable') return { day, kind: 'failed', reason: attempt.reason };
    if (attempt.kind === 'status') {
      const retryAfterMs = readRetryAfter(attempt.retryAfter, (context.now ?? (() => new Date()))());
      const plan = planRetry({ ...attempt, retryAfterMs }, retriesDone, options);
      if ('stop' in plan) return { day, kind: 'failed', reason: plan.stop };
      context.onRetry?.(`${day}: the API answered ${attempt.status}, asking again in ${formatWait(plan.waitMs)} (try ${retriesDone + 2} of ${options.retries + 1})`);
      await (context.sleep ?? sleepFor)(plan.waitMs);
      continue;
    }
    const checked = checkAnswer(attempt.bytes, { day, today: options.today });
    if ('problem' in checked) return { day, kind: 'failed', reason: checked.problem };
    // An empty listing is not saved: the day may have no papers yet, and a saved file would stop the next run asking.
    if (checked.papers === 0) return { day, kind: 'empty' };
    try {
      // The bytes as received: seeds/ keeps answers as the API gave them, so a refetch compares byte for byte.
      // write-file-atomic writes a temporary file, syncs it and renames it, and removes it if the run is interrupted.
      await writeFileAtomic(path, Buffer.from(attempt.bytes));
    } catch (error) {
      return { day, kind: 'failed', reason: `cannot write ${file}: ${(error as Error).message}` };
    }
    return { day, kind: 'saved', papers: checked.papers, file };
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
