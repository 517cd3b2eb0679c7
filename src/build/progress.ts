/**
 * Build progress for people. On a terminal, one line is redrawn in place (`Dựng trang 120/800`);
 * in CI or a log file (non-TTY), only a few whole lines are printed, so logs stay readable.
 */
export interface Progress {
  /** A new phase begins (`Đọc bài viết`). */
  phase(label: string): void;
  /** `done` of `total` items of the current phase are finished. */
  step(done: number, total: number): void;
  /** A finished phase or a summary. */
  line(text: string): void;
  /** Ends an unfinished progress line, before other output such as errors. */
  interrupt(): void;
}

export const silentProgress: Progress = { phase() {}, step() {}, line() {}, interrupt() {} };

export function lineProgress(out: NodeJS.WritableStream): Progress {
  return {
    phase: (label) => out.write(`${label}…\n`),
    step() {},
    line: (text) => out.write(`${text}\n`),
    interrupt() {},
  };
}

/** Redraws at most every `interval` items so a huge build is not slowed by terminal writes. */
export function terminalProgress(out: NodeJS.WritableStream): Progress {
  let label = '';
  let drawn = false;
  const clear = () => {
    if (drawn) out.write('\r\x1b[K');
    drawn = false;
  };
  return {
    phase(next) {
      clear();
      label = next;
      out.write(`${label}…`);
      drawn = true;
    },
    step(done, total) {
      const interval = Math.max(1, Math.floor(total / 100));
      if (done % interval !== 0 && done !== total) return;
      clear();
      out.write(`${label}: ${done}/${total} (${Math.floor((done / total) * 100)}%)`);
      drawn = true;
    },
    line(text) {
      clear();
      out.write(`${text}\n`);
    },
    interrupt: clear,
  };
}

/** The right kind for where output goes: quiet, CI/log (`CI` set or not a TTY), or a terminal. */
export function chooseProgress(quiet: boolean, out: NodeJS.WriteStream = process.stdout): Progress {
  if (quiet) return silentProgress;
  if (process.env.CI || !out.isTTY) return lineProgress(out);
  return terminalProgress(out);
}
