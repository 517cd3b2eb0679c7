import { fork, type ChildProcess } from 'node:child_process';

/**
 * tsx's loader, found from this file rather than from the working folder: a build may be run from
 * any folder (a newsroom's repository, a test's temporary one), where `--import tsx` finds nothing.
 */
const TSX_LOADER = import.meta.resolve('tsx');

/** A worker's report of its own failure, already worded for the reader. */
export interface WorkerError {
  kind: 'error';
  message: string;
}

/** Every worker of this process still running, so a stopped build can end them all (`stopWorkers`). */
const running = new Set<ChildProcess>();
let stopped = false;

/** Workers started before they were needed (`startSpare`), by script, each waiting for its first message. */
const spares = new Map<string, ChildProcess>();

/** How long a worker may take to end after SIGTERM before it is killed outright. */
const STOP_GRACE_MS = 3000;

/**
 * Starts the TypeScript file `script` as a worker process with an IPC channel; its stderr is piped,
 * for `workerExit` to report. A worker ends by itself when its IPC channel closes (its parent is
 * gone, even by `kill -9`). Throws once `stopWorkers` has been called: a stopping build starts none.
 */
export function forkWorker(script: string): ChildProcess {
  if (stopped) throw new Error('Đang dừng dựng trang (the build is stopping).');
  const spare = spares.get(script);
  spares.delete(script);
  if (spare && spare.exitCode === null && spare.signalCode === null) return spare;
  const child = fork(script, [], { execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * Starts a worker of `script` now, for the next `forkWorker(script)` to take: a worker's start (Node,
 * tsx, its imports: about 0.3 s) then runs beside the build's own work instead of after it, which is
 * most of what a one-story update waits for its search index. `dropSpares` ends one nobody took.
 */
export function startSpare(script: string): void {
  if (!stopped && !spares.has(script)) spares.set(script, forkWorker(script));
}

/** Ends the spare workers no `forkWorker` took, so nothing keeps the build's process alive. */
export async function dropSpares(): Promise<void> {
  const left = [...spares.values()];
  spares.clear();
  await Promise.all(left.map(stopWorker));
}

/**
 * Ends every worker (SIGTERM, then SIGKILL after a grace period) and starts no more; resolves once
 * all have exited, so none writes into a folder its build is about to remove.
 */
export async function stopWorkers(): Promise<void> {
  stopped = true;
  await Promise.all([...running].map(stopWorker));
}

function stopWorker(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Settles when the worker `child` (from `forkWorker`) exits: resolves on exit code 0, else rejects
 * with the `WorkerError` it sent or, when it died without one, how it ended and the end of its
 * stderr. `what` names its work in that message (`dựng trang bài`); its other messages go to `onMessage`.
 */
export function workerExit<M extends { kind: string }>(child: ChildProcess, what: string, onMessage: (message: M) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    // A spare (`startSpare`) may have ended before it was given work: its 'exit' has been and gone.
    if (child.exitCode !== null || child.signalCode !== null) {
      reject(new Error(`Tiến trình ${what} dừng bất thường (${child.signalCode ?? `mã ${child.exitCode}`}).`));
      return;
    }
    let error: string | undefined;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('message', (message: M | WorkerError) => {
      if (message.kind === 'error') error = (message as WorkerError).message;
      else onMessage(message as M);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(error ?? `Tiến trình ${what} dừng bất thường (${signal ?? `mã ${code}`}).\n${stderr}`));
    });
  });
}
