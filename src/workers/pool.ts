import type { ChildProcess } from 'node:child_process';
import { mapConcurrently } from '../concurrency.ts';
import { forkWorker } from './worker-process.ts';

/** Starts a worker of the pool: `forkWorker`, with the worker counted among the pool's running ones. */
export type PoolFork = (script: string) => ChildProcess;

/**
 * Does `work` for every task, at most `atOnce` at a time, each task in the worker processes it
 * starts with `fork`. On the first failure the pool's running workers are killed and no more
 * tasks start; it then rejects with that failure, once every started task has settled.
 */
export async function runWorkerPool<T>(tasks: readonly T[], atOnce: number, work: (task: T, fork: PoolFork) => Promise<void>): Promise<void> {
  const running = new Set<ChildProcess>();
  let failed: Error | undefined;
  const fork: PoolFork = (script) => {
    const child = forkWorker(script);
    running.add(child);
    child.once('exit', () => running.delete(child));
    return child;
  };
  await mapConcurrently(tasks, atOnce, async (task) => {
    if (failed) return;
    try {
      await work(task, fork);
    } catch (error) {
      failed ??= error as Error;
      for (const child of running) child.kill();
    }
  });
  if (failed) throw failed;
}
