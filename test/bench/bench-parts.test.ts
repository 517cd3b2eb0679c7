import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, utimes, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { versusPagefindLine } from '../../bench/build.ts';
import { generateArticle } from '../../bench/corpus.ts';
import { diffSnapshots, justAfterNewest, photosEncodedIn, redated, retitled, snapshot, type FileState } from '../../bench/incremental.ts';
import { toMarkdown } from '../../bench/plain-eleventy.ts';
import { treeRssBytes } from '../../bench/process-tree.ts';
import { meetsTarget, queryCost, requestKind } from '../../bench/query.ts';
import { median } from '../../bench/stats.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the middle pair', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('treeRssBytes', () => {
  it('counts the memory of grandchildren, not only of the root', async () => {
    // A shell whose child holds 200 MB: the shell alone is a few MB.
    const child = spawn('bash', ['-c', `node -e "globalThis.b = Buffer.alloc(200e6, 1); setTimeout(() => {}, 5000)"; true`], {
      stdio: 'ignore',
      detached: true,
    });
    try {
      let peak = 0;
      for (let i = 0; i < 60 && peak < 200e6; i++) {
        await new Promise((r) => setTimeout(r, 100));
        peak = Math.max(peak, treeRssBytes(child.pid!));
      }
      expect(peak).toBeGreaterThan(200e6);
    } finally {
      process.kill(-child.pid!, 'SIGKILL'); // the whole group we started, grandchild included
    }
  });

  it('is 0 for a process that does not exist', () => {
    expect(treeRssBytes(2 ** 22 + 12345)).toBe(0);
  });
});

describe('toMarkdown', () => {
  it('writes front matter and a body with the generated headings, captions and paragraphs', () => {
    for (const i of [0, 1, 2, 3, 4, 5]) {
      const article = generateArticle(i, 99);
      const { data, content } = matter(toMarkdown(article));
      const e = article.expected;
      expect(data.title).toBe(e.title);
      expect(new Date(data.date).toISOString()).toBe(new Date(e.date).toISOString());
      expect([data.author, data.credit, data.lead, data.section]).toEqual([e.author, e.credit, e.lead, article.section]);
      const html = new MarkdownIt({ html: true }).render(content);
      for (const heading of e.headings) expect(html).toContain(`<h2>${heading}</h2>`);
      for (const caption of e.captions) expect(html).toContain(`<figcaption>${caption}</figcaption>`);
      expect(html.match(/<p>/g)).toHaveLength(e.paragraphs.length);
    }
  });
});

describe('diffSnapshots', () => {
  const file = (sha1: string, mtimeMs = 1, size = 10): FileState => ({ sha1, mtimeMs, size });

  it('counts files rewritten (other bytes or another mtime), added, removed and left alone', () => {
    const before = new Map([
      ['a.html', file('1')],
      ['b.html', file('2')],
      ['c.html', file('3')],
      ['gone.html', file('4')],
    ]);
    const after = new Map([
      ['a.html', file('1')],
      ['b.html', file('2b')],
      ['c.html', file('3', 2)],
      ['new.html', file('5')],
    ]);
    expect(diffSnapshots(before, after)).toEqual({ rewritten: 2, sameBytes: 1, added: 1, removed: 1, unchanged: 1 });
  });

  it('finds nothing between a snapshot and itself', () => {
    const same = new Map([['a', file('1')]]);
    expect(diffSnapshots(same, same)).toEqual({ rewritten: 0, sameBytes: 0, added: 0, removed: 0, unchanged: 1 });
  });

  it('sees a file written again with the same bytes, in a real folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-snapshot-'));
    try {
      await mkdir(join(dir, '2016', '06'), { recursive: true });
      await writeFile(join(dir, '2016', '06', 'index.html'), 'x');
      await writeFile(join(dir, 'style.css'), 'y');
      const before = await snapshot(dir);
      expect([...before.keys()].sort()).toEqual(['2016/06/index.html', 'style.css']);
      await utimes(join(dir, 'style.css'), new Date(2000, 0, 1), new Date(2000, 0, 1));
      await writeFile(join(dir, 'feed.xml'), 'z');
      expect(diffSnapshots(before, await snapshot(dir))).toEqual({ rewritten: 1, sameBytes: 1, added: 1, removed: 0, unchanged: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('photosEncodedIn', () => {
  it('reads the count from the line that speaks of photos encoded, the last such line', () => {
    expect(photosEncodedIn('Đọc bài viết…\nĐã mã hoá 2 ảnh\nDựng xong 40 trang, 3 ảnh mới được mã hoá\n')).toBe(3);
    expect(photosEncodedIn('built 1,204 pages; photos encoded: 1,002')).toBe(1002);
  });

  it('is null when the build says nothing about encoding photos', () => {
    expect(photosEncodedIn('')).toBeNull();
    expect(photosEncodedIn('Dựng xong 12 trang, 4 ảnh')).toBeNull();
  });
});

describe('the incremental bench edits', () => {
  it('re-dates the timestamp line and leaves the rest, CRLF files included', () => {
    const text = '\ufeffCập nhật lúc: 07:38, 11/06/2016 [GMT+7]\r\n.\r\nTiêu đề\r\n';
    expect(redated(text, '08:00, 01/01/2025')).toBe('\ufeffCập nhật lúc: 08:00, 01/01/2025 [GMT+7]\r\n.\r\nTiêu đề\r\n');
  });

  it('adds words to the title line of a generated article, which the parser then reads', () => {
    const article = generateArticle(7, 99);
    const text = retitled(article.text, article.expected.title, ' (cập nhật)');
    expect(text).toContain(`${article.expected.title} (cập nhật)`);
    expect(text.length).toBe(article.text.length + ' (cập nhật)'.length);
    expect(() => retitled('x', 'không có', '!')).toThrow();
  });
});

describe('requestKind and queryCost', () => {
  it('names each Pagefind file by what it is, whatever index folder it sits in', () => {
    expect(requestKind('/tim-kiem/')).toBe('page/css/js');
    expect(requestKind('/search.js')).toBe('page/css/js');
    expect(requestKind('/pagefind/pagefind.js')).toBe('pagefind js/json');
    expect(requestKind('/pagefind/indexes.json')).toBe('pagefind js/json');
    expect(requestKind('/pagefind/wasm.vi.pagefind')).toBe('wasm');
    expect(requestKind('/pagefind/nam/pagefind-entry.json')).toBe('entry');
    expect(requestKind('/pagefind/ngay/pagefind.vi_0a1b.pf_meta')).toBe('meta');
    expect(requestKind('/pagefind/2016/index/vi_ff.pf_index')).toBe('word chunk');
    expect(requestKind('/pagefind/fragment/vi_12.pf_fragment')).toBe('fragment');
    expect(requestKind('/pagefind/filter/vi_1.pf_filter')).toBe('filter');
  });

  it('adds requests and bytes by kind, counts the indexes by their metas and the misses', () => {
    const cost = queryCost([
      { path: '/tim-kiem/', status: 200, bytes: 5000 },
      { path: '/pagefind/pagefind.vi_1.pf_meta', status: 200, bytes: 300 },
      { path: '/pagefind/thang/pagefind.vi_2.pf_meta', status: 200, bytes: 200 },
      { path: '/pagefind/fragment/a.pf_fragment', status: 200, bytes: 2000 },
      { path: '/pagefind/fragment/b.pf_fragment', status: 200, bytes: 3000 },
      { path: '/favicon.ico', status: 404, bytes: 0 },
    ]);
    expect(cost).toEqual({
      requests: 6,
      bytes: 10500,
      indexes: 2,
      notFound: 1,
      byKind: { 'page/css/js': { requests: 2, bytes: 5000 }, meta: { requests: 2, bytes: 500 }, fragment: { requests: 2, bytes: 5000 } },
    });
  });

  it('holds a query to at most 40 requests and 600 KB', () => {
    expect(meetsTarget({ requests: 40, bytes: 600 * 1024 })).toBe(true);
    expect(meetsTarget({ requests: 41, bytes: 1000 })).toBe(false);
    expect(meetsTarget({ requests: 10, bytes: 600 * 1024 + 1 })).toBe(false);
  });
});

describe('versusPagefindLine', () => {
  it('is our build with search over plain Eleventy and Pagefind, against "no slower"', () => {
    expect(versusPagefindLine(30, 40)).toBe('full build with search / plain Eleventy + Pagefind CLI: 0.75× time (30.00 s ÷ 40.00 s; target ≤ 1: target met)');
    expect(versusPagefindLine(41, 40)).toContain('target NOT met');
  });
});

describe('the new story of the incremental row', () => {
  it('is dated a minute after the newest generated story, the same day', () => {
    const when = justAfterNewest(200, 7);
    const [, h, mi, d, mo, y] = /^(\d{2}):(\d{2}), (\d{2})\/(\d{2})\/(\d{4})$/.exec(when)!;
    const iso = `${y}-${mo}-${d}T${h}:${mi}:00+07:00`;
    const dates = Array.from({ length: 200 }, (_, i) => generateArticle(i, 7).expected.date);
    const newest = dates.reduce((a, b) => (b > a ? b : a));
    expect(Date.parse(iso) - Date.parse(newest)).toBe(60_000);
    expect(newest.slice(0, 10)).toBe(iso.slice(0, 10));
  });
});
