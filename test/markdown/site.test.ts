/**
 * Markdown stories on a real site, built by the real command: a site mixing text and Markdown
 * stories validates and links only to its own pages, and the same archive with every text story
 * converted by `parse FILE.txt > FILE.md` builds to the same pages.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES, publishableFixtureFiles, SHARED_FIXTURES } from '../fixtures.ts';
import { build, type Built, linkedUrls, listFiles, read, SITE_URL } from '../site/site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MARKDOWN_STORY = '10-markdown.md';
const MARKDOWN_URL = '2024/05/my-khe-don-mua-du-lich-bien-nhung-dieu-du-khach-can-biet/index.html';
const PHOTO_STORY = '03-hai-anh-bai-anh';

/** The story files of the two sites, relative to their content folder: the repository's fixtures, and the shared ones in `chung/`. */
function storyFiles(): { from: string; to: string }[] {
  const own = publishableFixtureFiles().map((name) => ({ from: path.join(FIXTURES, name), to: name }));
  const shared = SHARED_FIXTURES ? publishableFixtureFiles(SHARED_FIXTURES).map((name) => ({ from: path.join(SHARED_FIXTURES!, name), to: path.join('chung', name) })) : [];
  return [...own, ...shared];
}

const run = promisify(execFile);

/** What `toa-soan parse FILE` prints: the story as Markdown. */
async function convert(file: string): Promise<string> {
  const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli.ts', 'parse', file], { cwd: ROOT });
  return stdout;
}

/** A content folder of every story file, as text or converted to Markdown, with the Markdown fixture and one photo. */
async function content(asMarkdown: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `toa-soan-md-content-`));
  await mkdir(path.join(dir, 'chung'));
  for (const { from, to } of storyFiles()) {
    if (asMarkdown) await writeFile(path.join(dir, to.replace(/\.txt$/, '.md')), await convert(from));
    else await copyFile(from, path.join(dir, to));
  }
  await copyFile(path.join(FIXTURES, MARKDOWN_STORY), path.join(dir, MARKDOWN_STORY));
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .jpeg()
    .toFile(path.join(dir, `${PHOTO_STORY}-1.jpg`));
  return dir;
}

/** `STORY: CODE` for each issue printed: the lines differ between a story and its conversion, the codes must not. */
function codesOf(issues: string): string[] {
  return [...issues.matchAll(/^.*?toa-soan-md-content-[^/]+\/(.+?)\.(?:txt|md):\d+: ([A-Z_]+):/gm)].map(([, story, code]) => `${story}: ${code}`);
}

let mixed: Built;
let converted: Built;

beforeAll(async () => {
  [mixed, converted] = await Promise.all([content(false).then((dir) => build(dir)), content(true).then((dir) => build(dir))]);
});

describe('a site mixing text and Markdown stories', () => {
  test('builds, with the same warnings for both kinds of story', () => {
    expect(mixed.exitCode, mixed.issues).toBe(0);
    expect(converted.exitCode, converted.issues).toBe(0);
    expect(codesOf(converted.issues)).toEqual(codesOf(mixed.issues));
    expect(codesOf(mixed.issues)).toContain('03-hai-anh-bai-anh: MISSING_PHOTO');
  });

  test('shows the Markdown story with its link, list, emphasis, quote and table, and its script as text', async () => {
    const page = await read(mixed.out, MARKDOWN_URL);
    const story = /<article class="story"[\s\S]*<\/article>/.exec(page)![0];
    expect(story).toContain('<a href="https://svhttdl.quangngai.gov.vn/" rel="external noopener">');
    expect(story).toContain('<li>Nước uống và <em>túi đựng rác</em> mang về</li>');
    expect(story).toContain('<blockquote>');
    expect(story).toContain('<td class="align-right">350.000</td>');
    expect(story).toContain('<a href="/tac-gia/minh-anh/">các bài khác của tác giả</a>');
    expect(story).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(story).toContain('[liên kết lạ](javascript:alert(1))');
    expect(story).not.toMatch(/href="javascript:/i);
    expect(story).not.toContain('<script');
  });

  test('lists the Markdown story like any other: front page, section, writer, feed, sitemap', async () => {
    const url = `/${MARKDOWN_URL.replace(/index\.html$/, '')}`;
    expect(await read(mixed.out, 'index.html')).toContain(`href="${url}"`);
    expect(await read(mixed.out, 'du-lich/index.html')).toContain(`href="${url}"`);
    expect(await read(mixed.out, 'tac-gia/minh-anh/index.html')).toContain(`href="${url}"`);
    expect(await read(mixed.out, 'feed.xml')).toContain('<li>Kem chống nắng, nón rộng vành</li>'.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(await read(mixed.out, 'sitemap.xml')).toContain(`${SITE_URL}${url.slice(1)}`);
    // The feed's links are absolute, those of the story's own text too.
    expect(await read(mixed.out, 'feed.xml')).toContain(`&lt;a href=&quot;${SITE_URL}tac-gia/minh-anh/&quot;&gt;`);
  });

  test('an external link says so to screen readers on the page, but in the feed, which has no stylesheet to hide the note, it does not', async () => {
    const link = '<a href="https://svhttdl.quangngai.gov.vn/" rel="external noopener">Sở Văn hóa, Thể thao và Du lịch';
    const escaped = (markup: string) => markup.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(await read(mixed.out, MARKDOWN_URL)).toContain(`${link}<span class="visually-hidden"> (trang ngoài)</span></a>`);
    const feed = await read(mixed.out, 'feed.xml');
    expect(feed).toContain(escaped(`${link}</a>`));
    expect(feed).not.toContain('trang ngoài');
  });

  test('every page passes html-validate (recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of (await listFiles(mixed.out)).filter((name) => name.endsWith('.html') && !name.startsWith('pagefind/'))) {
      const report = await validator.validateString(await read(mixed.out, file), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  test('links only to pages and files of the build', async () => {
    const broken: string[] = [];
    for (const file of (await listFiles(mixed.out)).filter((name) => name.endsWith('.html') || name.endsWith('.xml'))) {
      for (const link of linkedUrls(await read(mixed.out, file))) {
        const local = link.startsWith(SITE_URL) ? `/${link.slice(SITE_URL.length)}` : link;
        if (!local.startsWith('/')) continue;
        const target = decodeURI(local.replace(/[#?].*$/, ''));
        if (!existsSync(path.join(mixed.out, target.endsWith('/') ? `${target}index.html` : target))) broken.push(`${file}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('every fixture converted to Markdown by parse', () => {
  test('builds to the same pages, feeds and photos as its text file', async () => {
    // The search index, the build's own record of its inputs (file names, cache keys) and the address
    // ledger (which names each story's file, `.txt` or `.md`) are not pages.
    const published = (name: string) => !name.startsWith('pagefind/') && !name.startsWith('.toa-soan/') && name !== 'addresses.json';
    const files = (await listFiles(mixed.out)).filter(published);
    expect((await listFiles(converted.out)).filter(published)).toEqual(files);
    expect(files.filter((name) => name.startsWith('img/')).length).toBeGreaterThan(0);
    const different: string[] = [];
    for (const file of files) {
      const [text, markdown] = await Promise.all([readFile(path.join(mixed.out, file)), readFile(path.join(converted.out, file))]);
      if (!text.equals(markdown)) different.push(file);
    }
    expect(different).toEqual([]);
    // Apart from the extension of each story's file, the address ledger is the same too.
    const ledger = async (out: string) => (await read(out, 'addresses.json')).replace(/\.md"/g, '.txt"');
    expect(await ledger(converted.out)).toBe(await ledger(mixed.out));
  });
});
