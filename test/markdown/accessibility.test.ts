/**
 * axe-core on a site mixing text and Markdown stories, served by nginx under /tin/ and read by
 * Chromium: the Markdown story (links out, lists, a quote, a table), a story converted from text by
 * `parse`, and the front page listing both. Zero violations; when there are some, each is printed readably.
 */
import { readFileSync } from 'node:fs';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, buildSite, cli, describeViolations, FIXTURES, fixtureContent, freePort, launchBrowser, PREFIX, serveWithNginx, tempDir } from '../browser/harness.ts';

const AXE_SOURCE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
const MARKDOWN_STORY = '2024/05/my-khe-don-mua-du-lich-bien-nhung-dieu-du-khach-can-biet/';
/** 05-tieu-de-hoi has headings; it is rewritten as Markdown beside the other, text, fixtures. */
const CONVERTED = '05-tieu-de-hoi';

let home: string;
let browser: Browser;
let stop: () => Promise<void>;
let convertedUrl: string;

beforeAll(async () => {
  const content = await fixtureContent();
  await copyFile(join(FIXTURES, '10-markdown.md'), join(content, '10-markdown.md'));
  const markdown = await cli(['parse', join(content, `${CONVERTED}.txt`)]);
  expect(markdown.code, markdown.stderr).toBe(0);
  await writeFile(join(content, `${CONVERTED}.md`), markdown.stdout);
  await rm(join(content, `${CONVERTED}.txt`));
  const json = JSON.parse((await cli(['parse', '--json', join(content, `${CONVERTED}.md`)])).stdout) as { date: string; slug: string };
  convertedUrl = `${json.date.slice(0, 4)}/${json.date.slice(5, 7)}/${json.slug}/`;
  const siteDir = join(await tempDir('md-site'), '_site');
  const port = await freePort();
  await buildSite(content, siteDir, PREFIX, `http://127.0.0.1:${port}/`);
  const server = await serveWithNginx(siteDir, port);
  browser = await launchBrowser().catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  home = `${server.origin}${PREFIX}`;
  stop = async () => {
    await browser.close();
    await server.stop();
    await rm(content, { recursive: true, force: true });
    await rm(dirname(siteDir), { recursive: true, force: true });
  };
});

afterAll(async () => {
  await stop?.();
});

async function audit(url: string): Promise<{ violations: Result[]; text: string }> {
  const page = await browser.context.newPage();
  try {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await page.addScriptTag({ content: AXE_SOURCE });
    const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
    expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(0);
    return { violations: results.violations, text: await page.locator('main').innerText() };
  } finally {
    await page.close();
  }
}

describe('accessibility (axe-core) of a site with Markdown stories', () => {
  it('the Markdown story has no violations, and shows its table and quote', async () => {
    const url = `${home}${MARKDOWN_STORY}`;
    const { violations, text } = await audit(url);
    expect(violations, describeViolations(url, violations)).toEqual([]);
    expect(text).toContain('Lặn ngắm san hô');
    expect(text).toContain('Biển đẹp nhất là khi sạch.');
  });

  it('a story converted to Markdown has no violations', async () => {
    const url = `${home}${convertedUrl}`;
    const { violations } = await audit(url);
    expect(violations, describeViolations(url, violations)).toEqual([]);
  });

  it('the front page listing both kinds has no violations', async () => {
    const { violations, text } = await audit(home);
    expect(violations, describeViolations(home, violations)).toEqual([]);
    expect(text).toContain('Mỹ Khê đón mùa du lịch biển');
  });
});
