import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from './corpus.ts';
import type { WorkerJob, WorkerMessage } from './shard-worker.ts';
import { planShards, shardPlan, sitePlan } from './shards.ts';
import { siteIndex } from './site-index.ts';

const WORKER = fileURLToPath(new URL('./shard-worker.ts', import.meta.url));

export interface ShardRun {
  corpus: Corpus;
  shardSize: number;
  /** False: no article pages, only the site pages (the dev server after an edit). */
  articles?: boolean;
  /** Site-pages workers (see `siteShardCount`); 0 when the build renders listings, feeds and sitemaps itself. */
  siteShards: number;
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
 * Renders every article page of the corpus in shard workers, and the site pages in `siteShards`
 * workers, `workers` at a time, into `output` (workers write disjoint paths). Rejects with the
 * first worker's error message; the other workers are stopped.
 */
export async function runShards(run: ShardRun): Promise<void> {
  const shards = run.articles === false ? [] : planShards(run.corpus, run.shardSize);
  const plans = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-shards-'));
  const doneByShard = new Array<number>(shards.length).fill(0);
  const common = { input: run.input, output: run.output, pathPrefix: run.pathPrefix, siteUrl: run.siteUrl };
  let sitePlanFile: Promise<string> | undefined;
  const writeSitePlan = async () => {
    const file = path.join(plans, 'site.json');
    await writeFile(file, JSON.stringify(sitePlan(run.corpus)));
    return file;
  };
  // Site-pages workers first: each holds the whole archive, so they are better started while memory is free.
  const tasks: { job: () => Promise<WorkerJob>; shard?: number }[] = [
    ...Array.from({ length: run.siteShards }, (_, shard) => ({
      job: async (): Promise<WorkerJob> => ({ ...common, plan: await (sitePlanFile ??= writeSitePlan()), sitePages: { shard, count: run.siteShards } }),
    })),
    ...shards.map((entries, index) => ({
      shard: index,
      // Written just before its worker starts, so the plans of waiting shards are not all in memory at once.
      job: async (): Promise<WorkerJob> => {
        const plan = path.join(plans, `shard-${index}.json`);
        await writeFile(plan, JSON.stringify(shardPlan(run.corpus, entries, siteIndex(run.corpus, run.input))));
        return { ...common, plan };
      },
    })),
  ];
  const running = new Set<ReturnType<typeof fork>>();
  let failed: Error | undefined;
  try {
    let next = 0;
    const lane = async () => {
      while (next < tasks.length && !failed) {
        const task = tasks[next++]!;
        try {
          await runWorker(await task.job(), running, (done) => {
            if (task.shard === undefined) return;
            doneByShard[task.shard] = done;
            run.onProgress(doneByShard.reduce((a, b) => a + b, 0));
          });
        } catch (error) {
          failed ??= error as Error;
          for (const child of running) child.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(run.workers, tasks.length) }, lane));
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
