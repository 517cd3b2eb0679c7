import { rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../corpus/corpus.ts';
import type { BuildMessage, WorkerJob, WorkerProgress } from './shard-worker.ts';
import { planShards, shardPlan, shardRelated, sitePlan } from './shards.ts';
import type { ArchiveModel } from '../corpus/archive-model.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import { ownedPrefix, removeOrphans } from '../build/orphans.ts';
import { runWorkerPool, type PoolFork } from './pool.ts';
import { workerExit } from './worker-process.ts';

const WORKER = fileURLToPath(new URL('./shard-worker.ts', import.meta.url));
/** The folders of shard plans in the system's temporary folder: `toa-soan-shards-<pid>-…`. */
const PLANS_STEM = 'toa-soan-shards-';

export interface ShardRun {
  corpus: Corpus;
  /** The corpus's archive model, which article shards' story links are taken from. */
  archive: ArchiveModel;
  features: SiteFeatures;
  shardSize: number;
  /** False: no article pages, only the site pages (the dev server after an edit). */
  articles?: boolean;
  /** Site-pages workers (see `siteShardCount`); 0 when the build renders listings, feeds and sitemaps itself. */
  siteShards: number;
  /** Workers at once (one per core). */
  workers: number;
  /** The content folder, whose sections a site-pages worker's archive model names. */
  contentDir: string;
  output: string;
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
  /** The site as published before (`build --previous`). */
  previous?: string | undefined;
  /** Article pages rendered so far, over all workers. */
  onProgress: (done: number) => void;
  /**
   * Called once, when the first workers have their jobs (or the run has ended): work the caller
   * does in this process can start then without delaying theirs.
   */
  onStarted?: () => void;
}

/**
 * Renders every article page of the corpus in shard workers, and the site pages in `siteShards`
 * workers, `workers` at a time, into `output` (workers write disjoint paths). Rejects with the
 * first worker's error message; the other workers are stopped. Resolves with the number of photos
 * the workers encoded.
 */
export async function runShards(run: ShardRun): Promise<{ photosEncoded: number }> {
  let started = false;
  const start = () => {
    if (!started) run.onStarted?.();
    started = true;
  };
  try {
    return await renderInWorkers(run, start);
  } finally {
    start();
  }
}

async function renderInWorkers(run: ShardRun, start: () => void): Promise<{ photosEncoded: number }> {
  const shards = run.articles === false ? [] : planShards(run.corpus, run.shardSize);
  await removeOrphans(os.tmpdir(), PLANS_STEM);
  const plans = await mkdtemp(path.join(os.tmpdir(), ownedPrefix(PLANS_STEM)));
  // A build stopped by a signal exits without unwinding; the plans go with it.
  const removePlans = () => rmSync(plans, { recursive: true, force: true });
  process.once('exit', removePlans);
  const doneByShard = new Array<number>(shards.length).fill(0);
  const common = { contentDir: run.contentDir, output: run.output, pathPrefix: run.pathPrefix, siteUrl: run.siteUrl, previous: run.previous, features: run.features };
  let sitePlanFile: Promise<string> | undefined;
  const writeSitePlan = async () => {
    const file = path.join(plans, 'site.json');
    await writeFile(file, JSON.stringify(sitePlan(run.corpus)));
    return file;
  };
  // Site-pages workers first: each holds the whole archive, so they are better started while memory is free.
  const tasks: Task[] = [
    ...Array.from({ length: run.siteShards }, (_, shard) => ({
      job: async (): Promise<WorkerJob> => ({ ...common, plan: await (sitePlanFile ??= writeSitePlan()), sitePages: { shard, count: run.siteShards } }),
    })),
    ...shards.map((entries, index) => ({
      shard: index,
      // Written just before its worker starts, so the plans of waiting shards are not all in memory at once.
      job: async (): Promise<WorkerJob> => {
        const plan = path.join(plans, `shard-${index}.json`);
        await writeFile(plan, JSON.stringify(shardPlan(run.corpus, entries, run.archive)));
        return { ...common, plan };
      },
      // Written at once and announced in a short message: a long one would wait in this process
      // until the listings it renders (synchronous writes, page after page) let its event loop run.
      related: () => {
        const file = path.join(plans, `shard-${index}.related.json`);
        writeFileSync(file, JSON.stringify(shardRelated(run.corpus, entries, run.archive)));
        return file;
      },
    })),
  ];
  let waitingForJobs = Math.min(run.workers, tasks.length);
  let jobsSent = () => {};
  // Related stories are chosen once the first workers all have their jobs: choosing them takes longer.
  const afterFirstJobs = new Promise<void>((resolve) => (jobsSent = resolve));
  const jobSent = () => {
    if (--waitingForJobs !== 0) return;
    jobsSent();
    start();
  };
  const photosByTask = new Map<Task, number>();
  try {
    await runWorkerPool(tasks, run.workers, (task, fork) =>
      runWorker(task, fork, jobSent, afterFirstJobs, ({ done, photosEncoded }) => {
        photosByTask.set(task, photosEncoded);
        if (task.shard === undefined) return;
        doneByShard[task.shard] = done;
        run.onProgress(doneByShard.reduce((a, b) => a + b, 0));
      }),
    );
    return { photosEncoded: [...photosByTask.values()].reduce((a, b) => a + b, 0) };
  } finally {
    process.off('exit', removePlans);
    await rm(plans, { recursive: true, force: true });
  }
}

/** One worker's work: its job, and for article pages the file of their related stories (`ShardRelated`), sent after the job. */
interface Task {
  job: () => Promise<WorkerJob>;
  related?: () => string;
  /** Index of the article shard; none for a site-pages worker. */
  shard?: number;
}

/**
 * Runs one worker. It is started before its job is made: its own start-up (loading Eleventy and
 * the templates) takes over a second, during which this process writes its plan; the job is its
 * first message, and `onJobSent` is called once it has it. The related stories, which take longer
 * to choose, follow once `relatedAfter` settles; the worker needs them only when it starts
 * rendering article pages.
 */
function runWorker(task: Task, fork: PoolFork, onJobSent: () => void, relatedAfter: Promise<void>, onProgress: (progress: WorkerProgress) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER);
    const send = (message: BuildMessage) => {
      if (child.connected) child.send(message);
    };
    const failed = (error: unknown) => {
      child.kill();
      reject(error as Error);
    };
    // After this tick, so every lane starts its worker before any lane makes a job.
    setImmediate(() =>
      task.job().then((job) => {
        send({ kind: 'job', job });
        onJobSent();
        const { related } = task;
        if (!related) return;
        void relatedAfter.then(() => {
          try {
            send({ kind: 'related', file: related() });
          } catch (error) {
            failed(error);
          }
        });
      }, failed),
    );
    workerExit<WorkerProgress>(child, 'dựng trang bài', onProgress).then(resolve, reject);
  });
}
