/** Reports progress through a long loop: a counter redrawn in place in a terminal, a plain line per tenth in CI. */
export interface Progress {
  tick(): void;
  done(): void;
}

/** Where progress goes; `isTTY` picks the redrawn counter. */
export interface ProgressOutput {
  write(text: string): void;
  isTTY?: boolean;
}

/** A progress reporter for `total` steps of `label`. */
export function createProgress(label: string, total: number, output: ProgressOutput): Progress {
  let count = 0;
  let lastTenth = 0;
  return {
    tick() {
      count++;
      if (output.isTTY) {
        if (count === total || count % 25 === 0) output.write(`\r${label}: ${count}/${total}`);
        return;
      }
      const tenth = Math.floor((count * 10) / Math.max(total, 1));
      if (total >= 100 && tenth > lastTenth && count < total) {
        lastTenth = tenth;
        output.write(`${label}: ${count}/${total}\n`);
      }
    },
    done() {
      output.write(output.isTTY ? `\r${label}: ${count}/${total}\n` : `${label}: ${count}/${total} done\n`);
    },
  };
}
