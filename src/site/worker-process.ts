import { fork, type ChildProcess } from 'node:child_process';

/**
 * tsx's loader, found from this file rather than from the working folder: a build may be run from
 * any folder (a newsroom's repository, a test's temporary one), where `--import tsx` finds nothing.
 */
const TSX_LOADER = import.meta.resolve('tsx');

/** Starts the TypeScript file `script` as a worker process with an IPC channel; its stderr is piped, for the caller to report. */
export function forkWorker(script: string): ChildProcess {
  return fork(script, [], { execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
}
