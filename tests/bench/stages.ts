import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A stage of a run: it starts where the previous one ended and ends at the first log line matching `end`, in order. */
export interface Stage {
  name: string;
  /** The log line that ends the stage; the last stage may leave it out and end when the process exits. */
  end?: RegExp;
}

/** Time and memory of one stage; `seen` is false when its end line never came (its time went to the next stage). */
export interface StageFigures {
  name: string;
  seconds: number;
  /** Peak resident memory of the whole process tree during the stage, in bytes. */
  peakRss: number;
  seen: boolean;
}

/** What a measured run did: exit code, wall time, peak memory, each stage, and its output, each line timestamped. */
export interface RunFigures {
  code: number;
  seconds: number;
  peakRss: number;
  stages: StageFigures[];
  /** Output lines (stdout and stderr) with the seconds since the start at which they arrived. */
  lines: { at: number; text: string }[];
}

/** How often the process tree's memory is sampled. */
const SAMPLE_MS = 100;
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Runs a command, timestamping each output line as it arrives and sampling the summed VmRSS of the process and all
 * its descendants every 100 ms; each sample counts for the stage in progress. Stages end in the given order.
 */
export function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; stages?: Stage[] }): Promise<RunFigures> {
  const stages = options.stages ?? [{ name: 'run' }];
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const figures: StageFigures[] = stages.map((stage) => ({ name: stage.name, seconds: 0, peakRss: 0, seen: false }));
  const lines: RunFigures['lines'] = [];
  let current = 0;
  let stageStart = 0;
  let peakRss = 0;

  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sample = () => {
    const rss = child.pid === undefined ? 0 : treeRss(child.pid);
    peakRss = Math.max(peakRss, rss);
    const stage = figures[Math.min(current, figures.length - 1)]!;
    stage.peakRss = Math.max(stage.peakRss, rss);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const onLine = (raw: string) => {
    const text = raw.replace(ANSI, '').replace(/\s+$/, '');
    const at = elapsed();
    lines.push({ at, text });
    const end = stages[current]?.end;
    if (current < stages.length - 1 && end?.test(text)) {
      sample();
      figures[current]!.seconds = at - stageStart;
      figures[current]!.seen = true;
      stageStart = at;
      current++;
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (pending + chunk).split(/\r?\n|\r/);
      pending = parts.pop()!;
      parts.forEach(onLine);
    });
    stream.on('end', () => pending && onLine(pending));
  }
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = elapsed();
      const last = figures[current]!;
      last.seconds = seconds - stageStart;
      // The last stage ends with the process; an earlier one that is still open never saw its end line.
      last.seen = current === figures.length - 1 && stages[current]!.end === undefined ? true : last.seen;
      resolve({ code: code ?? 1, seconds, peakRss, stages: figures, lines });
    });
  });
}

/** The summed resident memory, in bytes, of a process and all its descendants, read from /proc. */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    // The command name may hold spaces and parentheses: the fields after its last ")" are state, then ppid.
    const ppid = stat === undefined ? NaN : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isNaN(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const kb = /VmRSS:\s+(\d+) kB/.exec(readProc(`/proc/${pid}/status`) ?? '')?.[1];
    total += Number(kb ?? 0) * 1024;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** A /proc file's text, or undefined when the process has exited meanwhile. */
function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
