/**
 * The newspaper's front page and the section pages that open the same way, built by the real CLI from
 * content laid out for each rule: the lead with and without `featured:`, top stories, "Tin mới",
 * section blocks in the order of templates/_data/sections.json.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { build, read, type Built } from './site-fixture.ts';

/** A story in the export format; `override` lines go in a leading YAML block; `photo` adds a captioned photo. */
function story(title: string, when: string, options: { override?: string[]; photo?: boolean } = {}): string {
  const head = options.override ? `---\n${options.override.join('\n')}\n---\n` : '';
  const caption = `Ảnh minh họa cho bài "${title}".`;
  return `${head}Cập nhật lúc: ${when} [GMT+7]
.

${title}


(Báo Quảng Ngãi)- Mở đầu của bài "${title}", đủ dài để là một đoạn mở đầu thật của một bài báo tỉnh.

Thân bài có một đoạn văn ngắn, viết bằng tiếng Việt có dấu, để trang bài có nội dung.
${options.photo ? `\n${caption}\n${caption}\n` : ''}
Bài: PHÓNG VIÊN
`;
}

const day = (n: number) => String(n).padStart(2, '0');

/** Writes `stories` (folder/name → text) into a new content folder, with a photo file beside each story that has one. */
async function content(stories: Record<string, { text: string; photo?: boolean }>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-front-'));
  for (const [file, { text, photo }] of Object.entries(stories)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
    if (photo) {
      await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 40, g: 90, b: 140 } } })
        .jpeg()
        .toFile(path.join(dir, file.replace(/\.txt$/, '-1.jpg')));
    }
  }
  return dir;
}

/** Story addresses in one part of a page, in order. */
function linksIn(page: string, part: RegExp): string[] {
  const found = part.exec(page);
  if (!found) throw new Error(`no ${part} on the page`);
  return [...found[0].matchAll(/<a href="(\/\d{4}\/[^"]+)">/g)].map((m) => m[1]!);
}

const LEAD = /<section class="front-lead"[\s\S]*?<\/section>/;
const TOP = /<section class="front-top"[\s\S]*?<\/section>/;
const LATEST = /<section class="front-latest"[\s\S]*?<\/section>/;
const url = (n: number, slugged: string) => `/2024/03/${slugged}-${n}/`;

describe('without featured stories', () => {
  let site: Built;
  beforeAll(async () => {
    // 12 stories in thoi-su, 1–12 March at 08:00, the 3rd and 5th with a photo; two in kinh-te and one in the-thao, which sections.json lists after it.
    const stories: Record<string, { text: string; photo?: boolean }> = {};
    for (let n = 1; n <= 12; n++) {
      const photo = n === 3 || n === 5;
      stories[`thoi-su/tin-${day(n)}.txt`] = { text: story(`Tin thời sự ${n}`, `08:00, ${day(n)}/03/2024`, { photo }), photo };
    }
    stories['kinh-te/gia-ca-1.txt'] = { text: story('Giá cả thị trường 1', '09:00, 13/03/2024') };
    stories['kinh-te/gia-ca-2.txt'] = { text: story('Giá cả thị trường 2', '09:00, 02/03/2024') };
    stories['the-thao/bong-da-1.txt'] = { text: story('Bóng đá 1', '10:00, 01/03/2024') };
    site = await build(await content(stories));
  });

  test('the newest story with a photo leads; top stories are the other photo story, then the newest', async () => {
    expect(site.exitCode, site.issues).toBe(0);
    const index = await read(site.out, 'index.html');
    expect(linksIn(index, LEAD)).toEqual([url(5, 'tin-thoi-su')]);
    expect(linksIn(index, TOP)).toEqual([url(3, 'tin-thoi-su'), '/2024/03/gia-ca-thi-truong-1/', url(12, 'tin-thoi-su'), url(11, 'tin-thoi-su')]);
  });

  test('"Tin mới" lists the newest of the other stories with their times, and links every story by page', async () => {
    const index = await read(site.out, 'index.html');
    const latest = LATEST.exec(index)![0];
    expect(latest).toContain('<h2 id="tin-moi">Tin mới</h2>');
    const thoiSu = (n: number) => url(n, 'tin-thoi-su');
    expect(linksIn(index, LATEST)).toEqual([
      ...[10, 9, 8, 7, 6, 4].map(thoiSu),
      '/2024/03/gia-ca-thi-truong-2/',
      thoiSu(2),
      '/2024/03/bong-da-1/',
      thoiSu(1),
    ]);
    expect(latest).toContain('<li><time datetime="2024-03-10T08:00:00+07:00">10/03/2024 08:00</time> <a href="/2024/03/tin-thoi-su-10/">Tin thời sự 10</a></li>');
    expect(latest).toContain('<a href="/trang/1/">Mọi tin, theo trang →</a>');
  });

  test('a block per section in the order of sections.json, each of stories not shown above', async () => {
    const index = await read(site.out, 'index.html');
    const blocks = [...index.matchAll(/<section class="section-block"[\s\S]*?<\/section>/g)].map((m) => m[0]);
    expect(blocks.map((block) => /<h2 id="[^"]+" class="section-name"><a href="([^"]+)">/.exec(block)![1])).toEqual(['/thoi-su/', '/kinh-te/', '/the-thao/']);
    const thoiSu = [...blocks[0]!.matchAll(/<a href="(\/2024\/[^"]+)">/g)].map((m) => m[1]);
    // Its top story (a card with an h3) first, then 4 headlines; none of the lead and top stories.
    expect(blocks[0]).toMatch(/<h3 class="story-title"><a href="\/2024\/03\/tin-thoi-su-10\/">/);
    expect(thoiSu).toEqual([10, 9, 8, 7, 6].map((n) => url(n, 'tin-thoi-su')));
    expect([...blocks[1]!.matchAll(/<a href="(\/2024\/[^"]+)">/g)].map((m) => m[1])).toEqual(['/2024/03/gia-ca-thi-truong-2/']);
  });

  test('a section page opens with its lead story, the newest with a photo, then the rest of its newest 20', async () => {
    const page = await read(site.out, 'thoi-su/index.html');
    const lead = /<article class="lead-story">[\s\S]*?<\/article>/.exec(page)![0];
    expect(lead).toContain(`<a href="${url(5, 'tin-thoi-su')}">`);
    const list = [...page.slice(page.indexOf('<ol class="stories">')).matchAll(/<h2 class="story-title"><a href="([^"]+)">/g)].map((m) => m[1]);
    expect(list).toEqual([12, 11, 10, 9, 8, 7, 6, 4, 3, 2, 1].map((n) => url(n, 'tin-thoi-su')));
  });

  test('thumbnails only where a photo exists, from the article\'s own files, sized, lazy, alt=""; the lead photo eager', async () => {
    const index = await read(site.out, 'index.html');
    const leadPhoto = /<picture class="lead-photo">[\s\S]*?<\/picture>/.exec(LEAD.exec(index)![0])![0];
    expect(leadPhoto).toMatch(/<img src="\/img\/[^"]+\.jpe?g" srcset="[^"]+" sizes="[^"]+" width="\d+" height="\d+" alt="" loading="eager" decoding="async" fetchpriority="high">/);
    const cards = [...index.matchAll(/<li class="story-card[^"]*">[\s\S]*?<\/li>/g)].map((m) => m[0]);
    const withThumb = cards.filter((card) => card.includes('<picture class="thumb">'));
    expect(withThumb.map((card) => /<a href="([^"]+)">/.exec(card)![1])).toEqual([url(3, 'tin-thoi-su')]);
    expect(withThumb[0]).toMatch(/<img src="[^"]+" srcset="[^"]+" sizes="\(min-width: 48rem\) 10rem, 7\.5rem" width="\d+" height="\d+" alt="" loading="lazy" decoding="async">/);
    expect(withThumb[0]).toContain('<li class="story-card with-thumb">');
    // The same files as the article page's photo: a thumbnail costs no encoding of its own.
    const article = await read(site.out, `${url(3, 'tin-thoi-su').slice(1)}index.html`);
    const thumbSrc = /<picture class="thumb">[\s\S]*?<img src="([^"]+)"/.exec(withThumb[0]!)![1]!;
    expect(article).toContain(`src="${thumbSrc}"`);
    // Section and numbered pages too.
    expect(await read(site.out, 'thoi-su/index.html')).toContain('<picture class="lead-photo">');
    const numbered = await read(site.out, 'trang/1/index.html');
    expect(numbered.match(/<picture class="thumb">/g)).toHaveLength(2);
  });
});

describe('with featured stories', () => {
  let site: Built;
  beforeAll(async () => {
    const stories: Record<string, { text: string; photo?: boolean }> = {};
    for (let n = 1; n <= 8; n++) {
      const featured = n === 2 || n === 4;
      const photo = n === 7;
      stories[`thoi-su/tin-${day(n)}.txt`] = {
        text: story(`Tin thời sự ${n}`, `08:00, ${day(n)}/03/2024`, { photo, ...(featured ? { override: ['featured: true'] } : {}) }),
        photo,
      };
    }
    stories['thoi-su/sai.txt'] = { text: story('Tin không chọn', '08:00, 20/02/2024', { override: ['featured: false'] }) };
    site = await build(await content(stories));
  });

  test('the newest featured story leads even without a photo; other featured stories come first among the top', async () => {
    expect(site.exitCode, site.issues).toBe(0);
    const index = await read(site.out, 'index.html');
    expect(linksIn(index, LEAD)).toEqual([url(4, 'tin-thoi-su')]);
    expect(linksIn(index, TOP)).toEqual([url(2, 'tin-thoi-su'), url(7, 'tin-thoi-su'), url(8, 'tin-thoi-su'), url(6, 'tin-thoi-su')]);
    // And the section's own page opens with it too.
    expect(/<article class="lead-story">[\s\S]*?<\/article>/.exec(await read(site.out, 'thoi-su/index.html'))![0]).toContain(url(4, 'tin-thoi-su'));
  });

  test('featured must be true or false: anything else stops the build with a Vietnamese message at its line', async () => {
    const dir = await content({ 'thoi-su/sai.txt': { text: story('Tin sai', '08:00, 01/03/2024', { override: ['title: Tin sai', 'featured: có'] }) } });
    const failed = await build(dir);
    expect(failed.exitCode).toBe(1);
    expect(failed.issues).toContain(`${path.join(dir, 'thoi-su/sai.txt')}:3: BAD_OVERRIDE: Trường "featured" trong khối ghi đè chỉ nhận true`);
  });
});
