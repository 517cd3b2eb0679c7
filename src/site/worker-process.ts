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

/** Starts the TypeScript file `script` as a worker process with an IPC channel; its stderr is piped, for `workerExit` to report. */
export function forkWorker(script: string): ChildProcess {
  return fork(script, [], { execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
}

/**
 * Settles when the worker `child` (from `forkWorker`) exits: resolves on exit code 0, else rejects
 * with the `WorkerError` it sent or, when it died without one, how it ended and the end of its
 * stderr. `what` names its work in that message (`dựng trang bài`); its other messages go to `onMessage`.
 */
export function workerExit<M extends { kind: string }>(child: ChildProcess, what: string, onMessage: (message: M) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
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
