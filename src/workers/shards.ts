import { ArticleEntry, Corpus } from '../corpus/corpus.ts';
import { storyLinksOf, type ArchiveModel, type ShardStoryLinks, type StoryLinks } from '../corpus/archive-model.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import type { CorpusLifecycle } from '../corpus/lifecycle.ts';

/**
 * Article pages of a big archive are rendered in shards, each by its own process, because
 * Eleventy keeps every page it renders until its run ends (about 45 KB a page): one run over
 * 100,000 articles would need gigabytes. A shard is a run of consecutive articles in date order,
 * so the same article lands in the same shard from build to build.
 */

/** Articles per shard, at most: bounds a worker's memory. */
export const MAX_SHARD_SIZE = 5000;
/** Up to this many articles, article pages are rendered in the build's own process: a worker's start-up would cost more than it saves. */
export const IN_PROCESS_MAX = 2000;

/** Shard size for an archive of `total` articles on `workers` cores; Infinity means no shards. */
export function defaultShardSize(total: number, workers: number): number {
  if (total <= IN_PROCESS_MAX) return Infinity;
  return Math.min(MAX_SHARD_SIZE, Math.ceil(total / Math.max(1, workers)));
}

/** The corpus's articles cut into shards of at most `size`, newest first. */
export function planShards(corpus: Corpus, size: number): ArticleEntry[][] {
  const shards: ArticleEntry[][] = [];
  for (let start = 0; start < corpus.entries.length; start += size) shards.push(corpus.entries.slice(start, start + size));
  return shards;
}

/** The other articles an article page shows (links with titles): a shard must know them. */
export function linkedFrom(corpus: Corpus, entry: ArticleEntry): ArticleEntry[] {
  return [corpus.older(entry), corpus.newer(entry)].filter((linked): linked is ArticleEntry => linked !== undefined);
}

/** What a shard worker is given, as JSON. */
export interface ShardPlan {
  size: number;
  placed: { position: number; entry: ArticleEntry }[];
  /** Positions of the articles whose pages the worker renders. */
  render: number[];
  /** What those pages show of the whole archive but related stories (`ArchiveModel.shardLinks`). None in a site-pages plan. */
  storyLinks?: ShardStoryLinks;
  /** Redirects, taken-down addresses and the address ledger: only a site-pages plan, whose pages show them. */
  lifecycle?: CorpusLifecycle;
}

/**
 * The related stories of a shard's articles, sent after its plan: choosing them takes the build a
 * good part of a second, which the worker spends starting Eleventy rather than waiting.
 */
export interface ShardRelated {
  /** Related stories the plan does not place, at their places in the whole archive. */
  placed: { position: number; entry: ArticleEntry }[];
  /** Positions of each rendered article's related stories, closest first, in the order of `ShardPlan.render`. */
  related: number[][];
}

function shardWindow(corpus: Corpus, shard: readonly ArticleEntry[]): Set<ArticleEntry> {
  const known = new Set<ArticleEntry>();
  for (const entry of shard) {
    known.add(entry);
    for (const linked of linkedFrom(corpus, entry)) known.add(linked);
  }
  return known;
}

export function shardPlan(corpus: Corpus, shard: readonly ArticleEntry[], archive: ArchiveModel): ShardPlan {
  return {
    size: corpus.size,
    placed: [...shardWindow(corpus, shard)].map((entry) => ({ position: corpus.positionOf(entry), entry })),
    render: shard.map((entry) => corpus.positionOf(entry)),
    storyLinks: archive.shardLinks(shard),
  };
}

export function shardRelated(corpus: Corpus, shard: readonly ArticleEntry[], archive: ArchiveModel): ShardRelated {
  const known = shardWindow(corpus, shard);
  const outside = new Set<ArticleEntry>();
  const related = shard.map((entry) =>
    archive.related(entry).map((other) => {
      if (!known.has(other)) outside.add(other);
      return corpus.positionOf(other);
    }),
  );
  return { placed: [...outside].map((entry) => ({ position: corpus.positionOf(entry), entry })), related };
}

/** The entry again, from its JSON (an entry's fields, which are all its JSON has). */
function entryOf({ entry }: { entry: ArticleEntry }): ArticleEntry {
  return new ArticleEntry(entry.file, entry.article, entry.url, entry.photos, entry.key, entry.photoIds, entry.id);
}

/** The shard's corpus, in the worker: its articles and the ones they link to, each at its place in the whole archive. */
export function corpusOfPlan(plan: ShardPlan): Corpus {
  const placed = plan.placed.map((p) => ({ position: p.position, entry: entryOf(p) }));
  const byPosition = new Map(placed.map((p) => [p.position, p.entry]));
  return Corpus.window(placed, plan.size, plan.render.map((position) => byPosition.get(position)!), plan.lifecycle);
}

/** What the article pages of an article shard's `corpus` (from `plan`) show of the archive, once `related` has come. */
export function shardStoryLinks(plan: ShardPlan, corpus: Corpus, related: Promise<ShardRelated>, features: SiteFeatures): Promise<StoryLinks> {
  if (!plan.storyLinks) throw new Error('A site-pages plan has no story links.');
  const relatedOf = related.then((message) => {
    const byPosition = new Map(corpus.entries.map((entry) => [corpus.positionOf(entry), entry]));
    for (const p of message.placed) byPosition.set(p.position, entryOf(p));
    return new Map(corpus.articlePages.map((entry, i) => [entry, message.related[i]!.map((position) => byPosition.get(position)!)]));
  });
  return storyLinksOf(corpus, plan.storyLinks, relatedOf, features);
}

/**
 * The plan of the site-pages workers: the whole archive (summaries only), no article pages. Every
 * listing, feed and sitemap is rendered by one of them, chosen by `pageShard` of its URL.
 */
export function sitePlan(corpus: Corpus): ShardPlan {
  return {
    size: corpus.size,
    placed: corpus.entries.map((entry) => ({ position: corpus.positionOf(entry), entry })),
    render: [],
    lifecycle: corpus.lifecycle,
  };
}

/** Site pages (listings, feeds, sitemaps…) per worker, at most. */
export const SITE_PAGES_PER_SHARD = 2500;

/**
 * Site-pages workers for an archive of `total` articles; 1 means the build renders them itself.
 * Every story is listed five times (front page, section, writer, year, month), 20 to a page: about `total / 4` pages.
 */
export function siteShardCount(total: number): number {
  return Math.max(1, Math.ceil(total / 4 / SITE_PAGES_PER_SHARD));
}

/** Which of `count` site-pages workers renders the page at `url`: a hash, so every worker gets a share of every kind of page. */
export function pageShard(url: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}
