import { ArticleEntry, Corpus } from './corpus.ts';
import { seedArticleIndex, type ArticleIndexSnapshot, type SiteIndex } from './site-index.ts';

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
  placed: { position: number; entry: EntryData }[];
  /** Positions of the articles whose pages the worker renders. */
  render: number[];
  /** What those pages show of the whole archive: sections, related stories (`SiteIndex.snapshot`). */
  articleIndex: ArticleIndexSnapshot;
}

type EntryData = Pick<ArticleEntry, 'file' | 'article' | 'url' | 'photos' | 'key'>;

export function shardPlan(corpus: Corpus, shard: readonly ArticleEntry[], index: SiteIndex): ShardPlan {
  const known = new Set<ArticleEntry>();
  for (const entry of shard) {
    known.add(entry);
    for (const linked of linkedFrom(corpus, entry)) known.add(linked);
    for (const related of index.related(entry)) known.add(related);
  }
  const data = ({ file, article, url, photos, key }: ArticleEntry): EntryData => ({ file, article, url, photos, key });
  return {
    size: corpus.size,
    placed: [...known].map((entry) => ({ position: corpus.positionOf(entry), entry: data(entry) })),
    render: shard.map((entry) => corpus.positionOf(entry)),
    articleIndex: index.snapshot(shard),
  };
}

/** The shard's corpus, in the worker: its articles and the ones they link to, each at its place in the whole archive. */
export function corpusOfPlan(plan: ShardPlan): Corpus {
  const placed = plan.placed.map(({ position, entry }) => ({
    position,
    entry: new ArticleEntry(entry.file, entry.article, entry.url, entry.photos, entry.key),
  }));
  const byPosition = new Map(placed.map((p) => [p.position, p.entry]));
  const corpus = Corpus.window(placed, plan.size, plan.render.map((position) => byPosition.get(position)!));
  seedArticleIndex(corpus, plan.articleIndex);
  return corpus;
}
