import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from './corpus.ts';
import type { WorkerJob, WorkerMessage } from './shard-worker.ts';
import { planShards, shardPlan } from './shards.ts';
import { siteIndex } from './site-index.ts';

const WORKER = fileURLToPath(new URL('./shard-worker.ts', import.meta.url));

export interface ShardRun {
  corpus: Corpus;
  shardSize: number;
  /** Workers at once (one per core). */
  workers: number;
  input: string;
  output: string;
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
  /** Article pages rendered so far, over all workers. */
  onProgress: (done: number) => void;
}

/**
 * Renders every article page of the corpus in shard workers, `workers` at a time, into `output`
 * (shards write disjoint paths). Rejects with the first worker's error message; the other
 * workers are stopped.
 */
export async function runShards(run: ShardRun): Promise<void> {
  const shards = planShards(run.corpus, run.shardSize);
  const plans = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-shards-'));
  const doneByShard = new Array<number>(shards.length).fill(0);
  const running = new Set<ReturnType<typeof fork>>();
  let failed: Error | undefined;
  try {
    let next = 0;
    const lane = async () => {
      while (next < shards.length && !failed) {
        const index = next++;
        // Written just before its worker starts, so the plans of waiting shards are not all in memory at once.
        const planFile = path.join(plans, `shard-${index}.json`);
        await writeFile(planFile, JSON.stringify(shardPlan(run.corpus, shards[index]!, siteIndex(run.corpus, run.input))));
        const job: WorkerJob = { plan: planFile, input: run.input, output: run.output, pathPrefix: run.pathPrefix, siteUrl: run.siteUrl };
        try {
          await runWorker(job, running, (done) => {
            doneByShard[index] = done;
            run.onProgress(doneByShard.reduce((a, b) => a + b, 0));
          });
        } catch (error) {
          failed ??= error as Error;
          for (const child of running) child.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(run.workers, shards.length) }, lane));
  } finally {
    await rm(plans, { recursive: true, force: true });
  }
  if (failed) throw failed;
}

function runWorker(job: WorkerJob, running: Set<ReturnType<typeof fork>>, onProgress: (done: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [JSON.stringify(job)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    running.add(child);
    let error: string | undefined;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.done);
      else error = message.message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(error ?? `Tiến trình dựng trang bài dừng bất thường (${signal ?? `mã ${code}`}).\n${stderr}`));
    });
  });
}
