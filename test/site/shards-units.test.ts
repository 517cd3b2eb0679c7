import { describe, expect, test } from 'vitest';
import { affectedPages } from '../../src/serve/affected.ts';
import { buildCorpus, type ParsedFile } from '../../src/corpus/corpus.ts';
import {
  corpusOfPlan,
  defaultShardSize,
  pageShard,
  planShards,
  shardPlan,
  shardRelated,
  shardStoryLinks,
  siteShardCount,
  type ShardRelated,
} from '../../src/workers/shards.ts';
import { ArchiveModel } from '../../src/corpus/archive-model.ts';
import { ALL_FEATURES } from '../../src/corpus/features.ts';
import type { Corpus } from '../../src/corpus/corpus.ts';

const archiveOf = (corpus: Corpus) => new ArchiveModel(corpus, CONTENT, ALL_FEATURES);

const CONTENT = 'content';

/** An article summary dated `day` March 2022, in section `thoi-su`. */
function parsed(name: string, title: string, day: number): ParsedFile {
  return {
    file: `${CONTENT}/thoi-su/${name}.txt`,
    key: `${name}-${title}`,
    photos: [],
    photoIds: [],
    article: {
      title,
      date: `2022-03-${String(day).padStart(2, '0')}T08:00:00+07:00`,
      author: 'PHÓNG VIÊN',
      credit: 'Bài: PHÓNG VIÊN',
      source: null,
      lead: `Mở đầu của ${title}.`,
      headings: [],
      captions: [],
      slug: '',
      section: null,
      photos: [],
    },
  };
}

const files = Array.from({ length: 9 }, (_, i) => parsed(`bai-${i + 1}`, `Tin số ${i + 1} về ${['lúa', 'cá', 'tỏi'][i % 3]}`, i + 1));

describe('shards', () => {
  test('articles are cut newest first into shards of the size asked; small archives are not cut', () => {
    const corpus = buildCorpus(files);
    const shards = planShards(corpus, 4);
    expect(shards.map((shard) => shard.length)).toEqual([4, 4, 1]);
    expect(shards.flat()).toEqual(corpus.entries);
    expect(defaultShardSize(2000, 2)).toBe(Infinity);
    expect(defaultShardSize(10_000, 2)).toBe(5000);
    expect(defaultShardSize(100_000, 2)).toBe(5000);
    expect(siteShardCount(10_000)).toBe(1);
    expect(siteShardCount(100_000)).toBe(10);
  });

  test("a shard's corpus puts its articles and their neighbours at their places in the whole archive", () => {
    const corpus = buildCorpus(files);
    const shard = planShards(corpus, 4)[1]!;
    const window = corpusOfPlan(JSON.parse(JSON.stringify(shardPlan(corpus, shard, archiveOf(corpus)))));
    expect(window.size).toBe(9);
    expect(window.articlePages.map((entry) => entry.url)).toEqual(shard.map((entry) => entry.url));
    for (const entry of window.articlePages) {
      const whole = corpus.entries.find((e) => e.url === entry.url)!;
      expect(window.positionOf(entry)).toBe(corpus.positionOf(whole));
      expect(window.older(entry)?.url).toBe(corpus.older(whole)?.url);
      expect(window.newer(entry)?.url).toBe(corpus.newer(whole)?.url);
    }
  });

  test("a shard's story links, related stories sent after the plan, say what the whole archive's say", async () => {
    const corpus = buildCorpus(files);
    const archive = archiveOf(corpus);
    const shard = planShards(corpus, 4)[1]!;
    let sendRelated: (related: ShardRelated) => void = () => {};
    const relatedArrives = new Promise<ShardRelated>((resolve) => (sendRelated = resolve));
    const plan = JSON.parse(JSON.stringify(shardPlan(corpus, shard, archive)));
    const window = corpusOfPlan(plan);
    let ready = false;
    const shardLinks = shardStoryLinks(plan, window, relatedArrives, ALL_FEATURES).then((links) => ((ready = true), links));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ready).toBe(false);
    sendRelated(JSON.parse(JSON.stringify(shardRelated(corpus, shard, archive))));
    const links = await shardLinks;
    expect(links.nav).toEqual(archive.nav);
    for (const entry of window.articlePages) {
      const whole = corpus.entries.find((e) => e.url === entry.url)!;
      expect(archive.related(whole).length).toBeGreaterThanOrEqual(3);
      expect(links.related(entry).map((e) => e.url)).toEqual(archive.related(whole).map((e) => e.url));
      expect(links.sectionLink(entry)).toEqual(archive.sectionLink(whole));
    }
  });

  test('site pages are shared out by a stable hash of their key, every worker getting some', () => {
    const keys = Array.from({ length: 600 }, (_, i) => `group-listing /thoi-su/trang/${i + 2}/`);
    const counts = [0, 0, 0];
    for (const key of keys) {
      const shard = pageShard(key, 3);
      expect(pageShard(key, 3)).toBe(shard);
      counts[shard]!++;
    }
    for (const count of counts) expect(count).toBeGreaterThan(150);
  });
});

describe('pages an edit affects', () => {
  test('a retitled article: its page, its neighbours before and after, and its old address gone', () => {
    const before = archiveOf(buildCorpus(files));
    const edited = files.map((file) => (file.file.endsWith('bai-5.txt') ? parsed('bai-5', 'Tiêu đề mới của tin năm', 5) : file));
    const after = archiveOf(buildCorpus(edited));
    const { pages, gone } = affectedPages(before, after, new Set([`${CONTENT}/thoi-su/bai-5.txt`]), 20);
    const names = pages.map((entry) => entry.file.replace(/^.*\//, ''));
    expect(names).toEqual(expect.arrayContaining(['bai-4.txt', 'bai-5.txt', 'bai-6.txt']));
    expect(pages.find((entry) => entry.file.endsWith('bai-5.txt'))!.url).toBe('/2022/03/tieu-de-moi-cua-tin-nam/');
    expect(gone).toEqual(['/2022/03/tin-so-5-ve-ca/']);
  });

  test('a removed article: its neighbours re-rendered, its page gone', () => {
    const before = archiveOf(buildCorpus(files));
    const after = archiveOf(buildCorpus(files.filter((file) => !file.file.endsWith('bai-9.txt'))));
    const { pages, gone } = affectedPages(before, after, new Set([`${CONTENT}/thoi-su/bai-9.txt`]), 20);
    expect(pages.map((entry) => entry.file)).toContain(`${CONTENT}/thoi-su/bai-8.txt`);
    expect(pages.map((entry) => entry.file)).not.toContain(`${CONTENT}/thoi-su/bai-9.txt`);
    expect(gone).toEqual(['/2022/03/tin-so-9-ve-toi/']);
  });
});
