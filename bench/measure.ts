/** Runs one command as a child process: wall time and the peak RSS of its whole tree. */
import { spawn } from 'node:child_process';
import { treeRssBytes } from './process-tree.ts';

export interface Measurement {
  seconds: number;
  peakRssBytes: number;
  /** The last few thousand characters the command wrote, stdout and stderr interleaved: its final lines. */
  output: string;
}

export interface CommandSpec {
  command: string;
  args: string[];
  cwd: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
}

const SAMPLE_MS = 100;
const KEEP_OUTPUT = 8000;

export function describeCommand(spec: CommandSpec): string {
  const env = Object.entries(spec.env ?? {}).map(([name, value]) => `${name}=${value}`);
  return `(cd ${spec.cwd} && ${[...env, spec.command, ...spec.args.map(shellWord)].join(' ')})`;
}

/** As a shell would need it to be one word, so that a printed command can be pasted back. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Rejects with the command's last output when it exits non-zero. */
export function measureCommand(spec: CommandSpec): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peak = 0;
    const sample = (): void => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRssBytes(child.pid));
    };
    const timer = setInterval(sample, SAMPLE_MS);
    sample();
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code === 0) resolve({ seconds, peakRssBytes: peak, output });
      else reject(new Error(`${describeCommand(spec)} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}
