/**
 * The pages derived from article metadata as a reader meets them, served by nginx under /tin/ and read in
 * Chromium: section, writer, year, month and archive listings, and an article with its breadcrumb and
 * related stories. axe-core finds no violation and nothing scrolls sideways on a phone.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, extraArticle, fixtureContent, freePort, launchBrowser, PREFIX, serveWithNginx, tempDir, type Browser, type StaticServer } from './harness.ts';

const AXE_SOURCE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };

let content: string;
let siteDir: string;
let server: StaticServer;
let browser: Browser;
let home: string;

beforeAll(async () => {
  content = await fixtureContent();
  // 22 stories in a known section and 2 in an unknown one: a paginated section and a folder-named one.
  await mkdir(join(content, 'thoi-su'));
  await mkdir(join(content, 'am-thuc'));
  for (let n = 40; n < 62; n++) await writeFile(join(content, 'thoi-su', `tin-${n}.txt`), extraArticle(n));
  for (let n = 62; n < 64; n++) await writeFile(join(content, 'am-thuc', `tin-${n}.txt`), extraArticle(n));
  siteDir = join(await tempDir('sections-site'), '_site');
  const port = await freePort();
  await buildSite(content, siteDir, PREFIX, `http://127.0.0.1:${port}/`);
  server = await serveWithNginx(siteDir, port);
  browser = await launchBrowser();
  home = `${server.origin}${PREFIX}`;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (content) await rm(content, { recursive: true, force: true });
  if (siteDir) await rm(join(siteDir, '..'), { recursive: true, force: true });
});

const PAGES = ['thoi-su/', 'thoi-su/trang/2/', 'am-thuc/', 'tac-gia/minh-anh/', 'tac-gia/minh-anh/trang/2/', '2015/', '2015/02/', 'luu-tru/', 'tim-kiem/'];

describe('section, writer and archive pages under /tin/', () => {
  it('a reader goes from the masthead to a section, to an article, and back up its breadcrumb', async () => {
    const page = await browser.context.newPage();
    await page.goto(home);
    await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Thời sự' }).click();
    await page.waitForURL(`${home}thoi-su/`);
    expect(await page.locator('h1').innerText()).toBe('Thời sự');
    await page.locator('main ol.stories h2 a').first().click();
    await page.waitForURL(/\/tin\/2015\/\d{2}\/[^/]+\/$/);
    const related = await page.getByRole('complementary', { name: 'Tin liên quan' }).getByRole('link').count();
    expect(related).toBeGreaterThanOrEqual(3);
    expect(related).toBeLessThanOrEqual(5);
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Thời sự' }).click();
    await page.waitForURL(`${home}thoi-su/`);
    await page.close();
  });

  it('the byline leads to the writer’s page, and the archive to a month', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${home}thoi-su/`);
    await page.locator('main ol.stories h2 a').first().click();
    await page.locator('.byline').getByRole('link', { name: 'MINH ANH' }).click();
    await page.waitForURL(`${home}tac-gia/minh-anh/`);
    expect(await page.locator('h1').innerText()).toBe('Bài của MINH ANH');
    await page.goto(`${home}luu-tru/`);
    await page.getByRole('link', { name: 'Tháng 2/2015' }).click();
    await page.waitForURL(`${home}2015/02/`);
    expect(await page.locator('main ol.stories li').count()).toBeGreaterThan(0);
    await page.close();
  });

  for (const path of PAGES) {
    it(`/tin/${path} answers, has no axe-core violations and fits a phone`, async () => {
      const page = await browser.context.newPage();
      const response = await page.goto(`${home}${path}`);
      expect(response?.status()).toBe(200);
      await page.addScriptTag({ content: AXE_SOURCE });
      const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
      expect(results.passes.length).toBeGreaterThan(0);
      expect(results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.setViewportSize(PHONE);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.close();
    });
  }

  it('an article with its breadcrumb and related stories has no axe-core violations', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${home}thoi-su/`);
    await page.locator('main ol.stories h2 a').first().click();
    await page.waitForURL(/\/tin\/2015\//);
    await page.addScriptTag({ content: AXE_SOURCE });
    const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });
});
