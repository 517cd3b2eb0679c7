/**
 * Topics (`tags:` in the override block): a paged listing per topic at /chu-de/SLUG/ with its feed, the
 * topic index, topics linked under the story, related stories that weigh a shared topic, and the checks
 * an editor meets. Built by the real CLI.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertWellFormedXml, build, read, type Built } from './site-fixture.ts';

function story(title: string, when: string, override: string[] = []): string {
  const head = override.length > 0 ? `---\n${override.join('\n')}\n---\n` : '';
  return `${head}Cập nhật lúc: ${when} [GMT+7]
.

${title}


(Báo Quảng Ngãi)- Mở đầu của bài "${title}", đủ dài để là một đoạn mở đầu thật của một bài báo tỉnh.

Thân bài có một đoạn văn ngắn, viết bằng tiếng Việt có dấu, để trang bài có nội dung.

Bài: PHÓNG VIÊN
`;
}

const day = (n: number) => String(n).padStart(2, '0');
const storm = (n: number) => `/2024/09/bao-so-4-ban-tin-${n}/`;

let content: string;
let site: Built;

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-topics-'));
  await mkdir(path.join(content, 'thoi-su'));
  // 22 bulletins on the storm, 1–22 September: a topic of two pages. The 5th is also about Tết (spelled twice).
  for (let n = 1; n <= 22; n++) {
    const tags = n === 5 ? ['tags:', '  - Bão số 4', '  - Tết Nguyên đán', '  - tết nguyên đán'] : ['tags: [Bão số 4]'];
    await writeFile(path.join(content, 'thoi-su', `bao-${day(n)}.txt`), story(`Bão số 4: bản tin ${n}`, `08:00, ${day(n)}/09/2024`, tags));
  }
  // Two stories that share rare words (mưa, lớn) and are nearest in time, only the newer one tagged with the storm.
  await writeFile(path.join(content, 'thoi-su', 'mua-lon.txt'), story('Mưa lớn ở miền núi', '09:00, 23/09/2024'));
  await writeFile(path.join(content, 'thoi-su', 'mua-lon-2.txt'), story('Mưa lớn ở đồng bằng', '09:00, 24/09/2024', ['tags: [Bão số 4]']));
  site = await build(content);
});

describe('topics', () => {
  test('the build succeeds', () => {
    expect(site.exitCode, site.issues).toBe(0);
  });

  test('a topic page opens with its lead and lists its newest 20; numbered pages count from the oldest', async () => {
    const root = await read(site.out, 'chu-de/bao-so-4/index.html');
    expect(root).toContain('<h1 class="listing-title">Chủ đề: Bão số 4</h1>');
    const listed = [...root.matchAll(/<h2 class="story-title"><a href="([^"]+)">/g)].map((m) => m[1]);
    expect(listed).toEqual(['/2024/09/mua-lon-o-dong-bang/', ...Array.from({ length: 19 }, (_, i) => storm(22 - i))]);
    expect(root).toContain('<a rel="next" href="/chu-de/bao-so-4/trang/2/">Tin cũ hơn, theo trang →</a>');
    const oldest = await read(site.out, 'chu-de/bao-so-4/trang/1/index.html');
    expect([...oldest.matchAll(/<h2 class="story-title"><a href="([^"]+)">/g)].map((m) => m[1])).toEqual(Array.from({ length: 20 }, (_, i) => storm(20 - i)));
    expect(root).toContain('<a href="/chu-de/">Mọi chủ đề</a>');
  });

  test('each topic has an Atom feed of its stories, declared on its page', async () => {
    const feed = await read(site.out, 'chu-de/bao-so-4/feed.xml');
    assertWellFormedXml(feed);
    expect(feed.match(/<entry>/g)).toHaveLength(23);
    expect(await read(site.out, 'chu-de/bao-so-4/index.html')).toContain('<link rel="alternate" type="application/atom+xml" title="Báo Quảng Ngãi – Bão số 4" href="/chu-de/bao-so-4/feed.xml">');
    expect(existsSync(path.join(site.out, 'chu-de/tet-nguyen-dan/feed.xml'))).toBe(true);
  });

  test('the topic index lists every topic alphabetically with its count; every footer links it', async () => {
    const index = await read(site.out, 'chu-de/index.html');
    expect([...index.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a> <span class="count">\((\d+) bài\)<\/span>/g)].map((m) => `${m[2]} ${m[1]} ${m[3]}`)).toEqual([
      'Bão số 4 /chu-de/bao-so-4/ 23',
      'Tết Nguyên đán /chu-de/tet-nguyen-dan/ 1',
    ]);
    expect(await read(site.out, 'index.html')).toContain('<a href="/chu-de/">Chủ đề</a>');
  });

  test('an article links its topics, each once however it is spelled', async () => {
    const page = await read(site.out, `${storm(5).slice(1)}index.html`);
    expect(page).toContain('<p class="topics">Chủ đề: <a href="/chu-de/bao-so-4/">Bão số 4</a>, <a href="/chu-de/tet-nguyen-dan/">Tết Nguyên đán</a></p>');
    expect(await read(site.out, '2024/09/mua-lon-o-mien-nui/index.html')).not.toContain('class="topics"');
  });

  test('a shared topic outweighs shared words: the tagged rain story relates to the storm first', async () => {
    const page = await read(site.out, '2024/09/mua-lon-o-dong-bang/index.html');
    const related = /<aside class="related"[\s\S]*?<\/aside>/.exec(page)![0];
    const links = [...related.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links[0]).toMatch(/^\/2024\/09\/bao-so-4-ban-tin-/);
    expect(links.indexOf('/2024/09/mua-lon-o-mien-nui/')).not.toBe(0);
  });

  test('topic pages and the index pass html-validate (recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const file of ['chu-de/index.html', 'chu-de/bao-so-4/index.html', 'chu-de/bao-so-4/trang/1/index.html', `${storm(5).slice(1)}index.html`]) {
      const report = await validator.validateString(await read(site.out, file));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), file).toEqual([]);
    }
  });
});

describe('what an editor is told', () => {
  test('tags must be a list of short topics, each error at its line in Vietnamese', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-topics-bad-'));
    await writeFile(path.join(dir, 'dai.txt'), story('Tin có chủ đề dài', '08:00, 01/09/2024', ['title: Tin có chủ đề dài', `tags: ["${'Chủ đề rất dài '.repeat(4)}"]`]));
    await writeFile(path.join(dir, 'chu.txt'), story('Tin có chủ đề là chữ', '08:00, 02/09/2024', ['tags: Bão số 4']));
    const failed = await build(dir);
    expect(failed.exitCode).toBe(1);
    expect(failed.issues).toContain(`${path.join(dir, 'dai.txt')}:3: BAD_TAG: Chủ đề "Chủ đề rất dài`);
    expect(failed.issues).toContain('(tối đa 40 ký tự)');
    expect(failed.issues).toContain(`${path.join(dir, 'chu.txt')}:2: BAD_OVERRIDE: Trường "tags" trong khối ghi đè phải là một danh sách chủ đề`);
  });
});
