/**
 * A shard worker: renders the article pages of one shard, or one share of the site pages
 * (listings, feeds, sitemaps), into the build's output folder.
 * Started by `runShards` (shard-runner.ts) as `node --import tsx shard-worker.ts` with an IPC
 * channel, before its job is ready; the job (a `WorkerJob`) is its first message and, for article
 * pages, the file of their related stories (`ShardRelated`) comes next. It reads the plan the
 * build wrote, renders, and reports progress and any error (already a `FILE:LINE: CODE: message`
 * line where the cause is an article) as messages.
 */
import { readFile } from 'node:fs/promises';
import { innermostMessage, renderPages } from '../render/render-pages.ts';
import { ArchiveModel } from '../corpus/archive-model.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import type { SiteRun } from '../render/plugin.ts';
import { corpusOfPlan, pageShard, shardStoryLinks, type ShardPlan, type ShardRelated } from './shards.ts';
import type { WorkerError } from './worker-process.ts';

export interface WorkerJob {
  plan: string;
  /** The content folder, whose sections a site-pages worker's archive model names. */
  contentDir: string;
  output: string;
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
  /** The site as published before (`build --previous`). */
  previous?: string | undefined;
  features: SiteFeatures;
  /** Set for a site-pages worker: it renders the listings, feeds and sitemaps whose `pageShard` is `shard`, no article pages. */
  sitePages?: { shard: number; count: number } | undefined;
}

/** From the build to the worker. */
export type BuildMessage = { kind: 'job'; job: WorkerJob } | { kind: 'related'; file: string };

/** From the worker to the build: how many pages it has rendered so far, and how many photos it has encoded. */
export type WorkerProgress = { kind: 'progress'; done: number; photosEncoded: number };
/** From the worker to the build. */
export type WorkerMessage = WorkerProgress | WorkerError;

/** The build's first message of `kind`; listening starts at once, so none is missed while the worker starts. */
function fromBuild<K extends BuildMessage['kind']>(kind: K): Promise<Extract<BuildMessage, { kind: K }>> {
  return new Promise((resolve) => {
    const listener = (message: BuildMessage) => {
      if (message.kind !== kind) return;
      process.off('message', listener);
      resolve(message as Extract<BuildMessage, { kind: K }>);
    };
    process.on('message', listener);
  });
}

const jobMessage = fromBuild('job');
const relatedMessage = fromBuild('related');

/** Progress messages are batched: one IPC message per page would cost more than the page. */
const REPORT_EVERY = 50;

async function main(): Promise<number> {
  const { job } = await jobMessage;
  const send = (message: WorkerMessage) => process.send?.(message);
  const { sitePages } = job;
  const plan = JSON.parse(await readFile(job.plan, 'utf8')) as ShardPlan;
  const related = relatedMessage.then(async ({ file }) => JSON.parse(await readFile(file, 'utf8')) as ShardRelated);
  const corpus = corpusOfPlan(plan);
  const { features, siteUrl, previous } = job;
  let done = 0;
  let photosEncoded = 0;
  const onPhotoEncoded = () => photosEncoded++;
  try {
    // A site-pages plan holds the whole archive, so its worker makes the archive model itself.
    const run: SiteRun = sitePages
      ? {
          corpus,
          archive: { model: new ArchiveModel(corpus, job.contentDir, features) },
          features,
          siteUrl,
          previous,
          onPhotoEncoded,
          sitePagesOnly: (key) => pageShard(key, sitePages.count) === sitePages.shard,
        }
      : {
          corpus,
          archive: { storyLinks: shardStoryLinks(plan, corpus, related, features) },
          features,
          siteUrl,
          previous,
          onPhotoEncoded,
          articlesOnly: true,
          onArticle: () => {
            if (++done % REPORT_EVERY === 0) send({ kind: 'progress', done, photosEncoded });
          },
        };
    await renderPages({ output: job.output, pathPrefix: job.pathPrefix, run });
  } catch (error) {
    send({ kind: 'error', message: innermostMessage(error) });
    return 1;
  }
  send({ kind: 'progress', done, photosEncoded });
  return 0;
}

// A worker whose build or dev server is gone (Ctrl+C, a failed shard) stops rather than write on alone.
const orphaned = () => process.exit(1);
process.once('disconnect', orphaned);
process.exitCode = await main();
process.off('disconnect', orphaned);
process.disconnect?.();
