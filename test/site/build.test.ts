import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  assertWellFormedXml,
  build,
  type Built,
  hashTree,
  jsonLd,
  linkedUrls,
  listFiles,
  makeContent,
  PHOTO_ARTICLE,
  read,
  SITE_URL,
} from './site-fixture.ts';

let content: string;
let site: Built;
let again: Built;
let prefixed: Built;
let htmlPages: string[];

beforeAll(async () => {
  content = await makeContent();
  site = await build(content);
  again = await build(content);
  prefixed = await build(content, { prefix: '/tin/' });
  htmlPages = (await listFiles(site.out)).filter((file) => file.endsWith('.html'));
});

const SEED = '2018/05/dang-uy-xa-an-hai-ly-son-dua-nghi-quyet-den-voi-ngu-dan/index.html';
const PHOTO = `${PHOTO_ARTICLE.url.slice(1)}index.html`;
const HOSTILE_PAGE = '2021/01/tin-script-alert-1-script-and-ngoac-kep-don/index.html';

describe('build of the fixtures', () => {
  test('succeeds and writes articles, listings, feed, sitemap, robots and 404', async () => {
    expect(site.exitCode, site.issues).toBe(0);
    const files = await listFiles(site.out);
    for (const file of [SEED, PHOTO, HOSTILE_PAGE, 'index.html', 'trang/1/index.html', 'trang/2/index.html', 'feed.xml', 'sitemap.xml', 'robots.txt', '404.html', 'style.css']) {
      expect(files).toContain(file);
    }
    // 9 fixtures (03 with its photo) + hostile + 24 + 2 duplicates = 36 articles: two listing pages.
    expect(files.filter((f) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f) && !f.includes('/trang/'))).toHaveLength(36);
    expect(files).not.toContain('trang/3/index.html');
  });

  test('the output folder is readable by a web server running as another user', () => {
    expect(statSync(site.out).mode & 0o777).toBe(0o755);
  });

  test('two articles with the same slug in a month get -2 by file order, with a warning', async () => {
    const files = await listFiles(site.out);
    expect(files).toContain('2022/03/hai-bai-trung-ten/index.html');
    expect(files).toContain('2022/03/hai-bai-trung-ten-2/index.html');
    expect(await read(site.out, '2022/03/hai-bai-trung-ten-2/index.html')).toContain('<time datetime="2022-03-26T09:00:00+07:00"');
    expect(site.issues).toMatch(/loat\/trung-b\.txt:1: DUPLICATE_SLUG: .*\/2022\/03\/hai-bai-trung-ten-2\//);
  });

  test('every HTML page passes html-validate (recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of htmlPages) {
      const report = await validator.validateString(await read(site.out, file), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('two builds are byte-identical', async () => {
    expect(again.exitCode).toBe(0);
    const first = await hashTree(site.out);
    expect(await hashTree(again.out)).toEqual(first);
    expect(first.size).toBeGreaterThan(40);
  });
});

describe('links', () => {
  /** Checks every internal href/src/srcset of every page and feed resolves to a file. */
  async function brokenLinks(out: string, prefix: string): Promise<string[]> {
    const broken: string[] = [];
    const files = (await listFiles(out)).filter((f) => f.endsWith('.html') || f.endsWith('.xml'));
    for (const file of files) {
      for (const url of linkedUrls(await read(out, file))) {
        let target: string;
        if (url.startsWith(SITE_URL)) target = `/${url.slice(SITE_URL.length)}`;
        else if (url.startsWith('/')) target = url;
        else if (url.startsWith('#')) continue;
        else if (/^https?:/.test(url) && !url.startsWith(SITE_URL)) continue; // namespaces, other sites
        else {
          broken.push(`${file}: relative URL ${url}`);
          continue;
        }
        target = target.replace(/[#?].*$/, '');
        if (!target.startsWith(prefix)) {
          broken.push(`${file}: ${url} is outside ${prefix}`);
          continue;
        }
        const local = decodeURI(target.slice(prefix.length));
        const onDisk = path.join(out, local.endsWith('/') || local === '' ? `${local}index.html` : local);
        if (!existsSync(onDisk)) broken.push(`${file}: ${url}`);
      }
    }
    return broken;
  }

  test('all internal links and assets resolve', async () => {
    expect(await brokenLinks(site.out, '/')).toEqual([]);
  });

  test('with --prefix /tin/ every link, asset, feed and canonical URL is under /tin/', async () => {
    expect(prefixed.exitCode, prefixed.issues).toBe(0);
    expect(await brokenLinks(prefixed.out, '/tin/')).toEqual([]);
    const page = await read(prefixed.out, SEED);
    expect(page).toContain(`<link rel="canonical" href="${SITE_URL}tin/2018/05/`);
    expect(page).toContain('href="/tin/style.css"');
    expect(await read(prefixed.out, 'robots.txt')).toContain(`Sitemap: ${SITE_URL}tin/sitemap.xml`);
    expect(await read(prefixed.out, 'feed.xml')).toContain(`<link href="${SITE_URL}tin/feed.xml" rel="self"`);
  });
});

describe('article page', () => {
  test('has the dateline, lead with source tag, heading ids, figures, byline and story links', async () => {
    const page = await read(site.out, SEED);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">/);
    expect(page).toContain('<time datetime="2018-05-20T08:45:00+07:00">Chủ Nhật, 20/05/2018, 08:45 (GMT+7)</time>');
    expect(page).toContain('<p class="lead"><span class="source">(Báo Quảng Ngãi)</span> Ở huyện đảo');
    expect(page).toContain('<h2 id="sinh-hoat-chi-bo-tren-ben-ca">Sinh hoạt chi bộ trên bến cá</h2>');
    expect(page).toContain('<h2 id="moi-tau-la-mot-to-dang">Mỗi tàu là một tổ đảng</h2>');
    expect(page).toMatch(/<figure class="photo no-image"><figcaption>Một buổi sinh hoạt chuyên đề/);
    expect(page).toContain('<p class="byline">Bài, ảnh: <a href="/tac-gia/t-trieu/">T.TRIỀU</a></p>');
    expect(page).toMatch(/<a rel="next" href="\/2019\/06\/[^"]+\/">/);
    expect(page).toContain('<meta property="og:type" content="article">');
    expect(page).toContain('<meta property="article:published_time" content="2018-05-20T08:45:00+07:00">');
  });

  test('a photo beside the article becomes a responsive picture and the share image', async () => {
    const page = await read(site.out, PHOTO);
    const picture = /<figure class="photo"><picture>([\s\S]*?)<\/picture><figcaption>Người dân xã Trà Hiệp/.exec(page);
    expect(picture).not.toBeNull();
    expect(picture![1]).toContain('type="image/avif"');
    expect(picture![1]).not.toContain('type="image/webp"');
    expect(picture![1]).toMatch(/<img src="\/img\/[0-9a-f]{32}-1280\.jpeg" srcset="\/img\/[0-9a-f]{32}-640\.jpeg 640w, \/img\/[0-9a-f]{32}-1280\.jpeg 1280w" sizes="[^"]+" width="1280" height="720" alt="Người dân xã Trà Hiệp \(Trà Bồng\) bóc vỏ quế ngay trên đồi\." loading="eager" decoding="async"/);
    // The second photo has no file: its caption stands alone.
    expect(page).toMatch(/<figure class="photo no-image"><figcaption>Vỏ quế được phơi/);
    expect(page).toMatch(new RegExp(`<meta property="og:image" content="${SITE_URL}img/[^"]+\\.jpeg">`));
    const [data] = jsonLd(page) as { image?: string[] }[];
    expect(data!.image?.[0]).toMatch(new RegExp(`^${SITE_URL}img/.+\\.jpeg$`));
  });

  test('article text with markup comes out escaped everywhere', async () => {
    const page = await read(site.out, HOSTILE_PAGE);
    expect(page).not.toMatch(/<script>|<b>|<i>|<img src=x/);
    expect(page).toContain('<h1>Tin &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;ngoặc kép&quot; &#39;đơn&#39;</h1>');
    expect(page).toContain('&lt;script&gt;alert(&quot;lead&quot;)&lt;/script&gt;');
    expect(page).toContain('Mục &lt;b&gt;đậm&lt;/b&gt; &amp; &quot;trích&quot;</h2>');
    expect(page).toContain('<figcaption>Ảnh &lt;script&gt;alert(&quot;caption&quot;)&lt;/script&gt; &amp; &quot;chú thích&quot;.</figcaption>');
    expect(page).toContain(
      '<p class="byline">Bài, ảnh: <a href="/tac-gia/i-nguyen-i-and-tran/">&lt;i&gt;&quot;NGUYỄN&quot;&lt;/i&gt; &amp; &#39;TRẦN&#39;</a></p>',
    );
    expect(page).toContain('<title>Tin &lt;script&gt;');
    const [data] = jsonLd(page) as { headline: string }[];
    expect(data!.headline).toBe(`Tin <script>alert(1)</script> & "ngoặc kép" 'đơn'`);
    expect(page).toContain('\\u003cscript\\u003e');
    // The feed carries it as escaped text as well.
    const feed = await read(site.out, 'feed.xml');
    expect(feed).not.toContain('<script>');
    assertWellFormedXml(feed);
  });

  test('JSON-LD is a NewsArticle with absolute URLs and +07:00 dates', async () => {
    const [data] = jsonLd(await read(site.out, SEED)) as Record<string, unknown>[];
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Đảng ủy xã An Hải (Lý Sơn): Đưa nghị quyết đến với ngư dân',
      datePublished: '2018-05-20T08:45:00+07:00',
      dateModified: '2018-05-20T08:45:00+07:00',
      author: { '@type': 'Person', name: 'T.TRIỀU' },
      publisher: { '@type': 'Organization', name: 'Báo Quảng Ngãi' },
      url: `${SITE_URL}2018/05/dang-uy-xa-an-hai-ly-son-dua-nghi-quyet-den-voi-ngu-dan/`,
      inLanguage: 'vi',
    });
  });

  test('article and listing pages have no script but JSON-LD, and weigh ≤ 30 KB with the CSS', async () => {
    const css = Buffer.byteLength(await read(site.out, 'style.css'));
    // The search page alone loads a script (see search.test.ts).
    for (const file of htmlPages.filter((page) => page !== 'tim-kiem/index.html')) {
      const page = await read(site.out, file);
      const scripts = page.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.filter((tag) => tag !== '<script type="application/ld+json">'), file).toEqual([]);
      if (/^\d{4}\//.test(file)) expect(Buffer.byteLength(page) + css, file).toBeLessThanOrEqual(30 * 1024);
    }
    expect(await read(site.out, 'index.html')).not.toContain('<script');
  });
});

describe('listings', () => {
  test('the front page opens with a lead story and links the numbered pages of 20, counted from the oldest', async () => {
    const index = await read(site.out, 'index.html');
    // No story is featured: the newest story with a photo leads (front-page.test.ts tests the choice).
    expect(index).toMatch(new RegExp(`<section class="front-lead"[^>]*>\\s*<article class="lead-story">[\\s\\S]*?<h2 class="story-title"><a href="${PHOTO_ARTICLE.url}">`));
    expect(index).toContain('<nav class="page-nav" aria-label="Phân trang">');
    expect(index).toContain('<a rel="next" href="/trang/2/">Tin cũ hơn, theo trang →</a>');
    // 36 stories: /trang/1/ the oldest 20 (the 2018 story last), /trang/2/ the newest 16, both newest first.
    const oldest = await read(site.out, 'trang/1/index.html');
    expect([...oldest.matchAll(/<h2 class="story-title">/g)]).toHaveLength(20);
    expect(oldest.lastIndexOf('/2018/05/')).toBeGreaterThan(oldest.lastIndexOf('/2019/'));
    expect(oldest).toContain('<a rel="prev" href="/trang/2/">← Tin mới hơn</a>');
    const newest = await read(site.out, 'trang/2/index.html');
    const titles = [...newest.matchAll(/<h2 class="story-title"><a href="([^"]+)">/g)].map((m) => m[1]);
    expect(titles).toHaveLength(16);
    expect(titles[0]).toBe('/2024/09/quang-ngai-chu-dong-ung-pho-bao-so-4/');
    expect(newest).toContain('<a href="/">Tin mới nhất</a>');
    expect(newest).toContain('<a rel="next" href="/trang/1/">Tin cũ hơn →</a>');
  });

  test('each entry shows a Vietnamese date, author and the lead cut at a word with …', async () => {
    const index = await read(site.out, 'trang/2/index.html');
    expect(index).toContain('<time datetime="2022-03-24T08:00:00+07:00">24/03/2022 08:00</time> · <span class="author">PHÓNG VIÊN</span>');
    const excerpt = /<p class="excerpt">(Bài viết số 24[^<]*)<\/p>/.exec(index)![1]!;
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(161);
    expect(`Bài viết số 24 kể về một ngày bình thường ở Quảng Ngãi, với đủ chữ để phần mở đầu phải được rút gọn ở trang danh sách mà không cắt ngang một từ nào của câu văn tiếng Việt này.`.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(excerpt.slice(0, -1)).not.toMatch(/\s$/);
  });
});

describe('feed, sitemap, robots', () => {
  test('the Atom feed is well-formed, absolute, full-text and dated +07:00', async () => {
    const feed = await read(site.out, 'feed.xml');
    assertWellFormedXml(feed);
    const entries = feed.match(/<entry>/g) ?? [];
    expect(entries).toHaveLength(36);
    expect(feed).toContain(`<id>${SITE_URL}2018/05/dang-uy-xa-an-hai-ly-son-dua-nghi-quyet-den-voi-ngu-dan/</id>`);
    expect(feed).toContain('<published>2018-05-20T08:45:00+07:00</published>');
    expect(feed).toContain('&lt;h2 id=&quot;moi-tau-la-mot-to-dang&quot;&gt;Mỗi tàu là một tổ đảng&lt;/h2&gt;');
    expect(feed).toMatch(new RegExp(`&lt;img src=&quot;${SITE_URL}img/[^&]+\\.jpeg&quot;`));
    for (const [, url] of feed.matchAll(/href="([^"]+)"/g)) expect(url!.startsWith(SITE_URL)).toBe(true);
  });

  test('the sitemap lists every page but 404, with +07:00 lastmod', async () => {
    const sitemap = await read(site.out, 'sitemap.xml');
    assertWellFormedXml(sitemap);
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    // Front page and page 2, sections, writers, years and months (pages.test.ts), archive, search, 36 articles.
    expect(locs.filter((loc) => /\/\d{4}\/\d{2}\/(?!trang\/)[^/]+\/$/.test(loc!))).toHaveLength(36);
    expect(new Set(locs).size).toBe(locs.length);
    for (const page of ['', 'trang/1/', 'trang/2/', 'luu-tru/', 'tim-kiem/', 'loat/', 'tac-gia/phong-vien/', 'tac-gia/phong-vien/trang/2/', '2022/', '2022/03/', '2022/03/trang/2/']) {
      expect(locs).toContain(`${SITE_URL}${page}`);
    }
    expect(locs).toContain(SITE_URL);
    expect(locs).toContain(`${SITE_URL}trang/2/`);
    expect(locs).not.toContain(`${SITE_URL}404.html`);
    for (const [, date] of sitemap.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)) expect(date).toMatch(/\+07:00$/);
    expect(await read(site.out, 'robots.txt')).toContain(`Sitemap: ${SITE_URL}sitemap.xml`);
  });
});
