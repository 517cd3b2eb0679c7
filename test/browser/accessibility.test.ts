/**
 * axe-core on the pages a reader meets: listing, page 2, an article and the 404 page, served by nginx
 * under /tin/ and rendered by Chromium. Zero violations; when there are some, each is printed readably.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, FIXTURES, openReaderSite, type ReaderSite } from './harness.ts';

const AXE_SOURCE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
const seedTitle = (JSON.parse(readFileSync(join(FIXTURES, 'seed.expected.json'), 'utf8')) as { title: string }).title;

let site: ReaderSite;

beforeAll(async () => {
  site = await openReaderSite();
});

afterAll(async () => {
  await site?.close();
});

async function runAxe(page: Page): Promise<Result[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(0);
  return results.violations;
}

async function audit(url: string, expectedStatus = 200): Promise<Result[]> {
  const page = await site.browser.context.newPage();
  try {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(expectedStatus);
    return await runAxe(page);
  } finally {
    await page.close();
  }
}

async function articleUrl(): Promise<string> {
  const page = await site.browser.context.newPage();
  await page.goto(site.home);
  const href = await page.getByRole('link', { name: seedTitle, exact: true }).getAttribute('href');
  await page.close();
  return new URL(href!, site.home).href;
}

describe('accessibility (axe-core) of the served pages', () => {
  it('the audit does catch a violation, and names it readably', async () => {
    const page = await site.browser.context.newPage();
    await page.setContent('<!doctype html><html><head><title>x</title></head><body><main><img src="a.png"></main></body></html>');
    const violations = await runAxe(page);
    await page.close();
    const report = describeViolations('about:blank', violations);
    expect(violations.map((violation) => violation.id)).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt']));
    expect(report).toMatch(/image-alt \((critical|serious)\): Images must have alternative text\n.*\n    at img\n/);
  });

  it('the listing has no violations', async () => {
    const violations = await audit(site.home);
    expect(violations, describeViolations(site.home, violations)).toEqual([]);
  });

  it('page 2 of the listing has no violations', async () => {
    const url = `${site.home}trang/2/`;
    const violations = await audit(url);
    expect(violations, describeViolations(url, violations)).toEqual([]);
  });

  it('an article has no violations', async () => {
    const url = await articleUrl();
    const violations = await audit(url);
    expect(violations, describeViolations(url, violations)).toEqual([]);
  });

  it('the 404 page has no violations', async () => {
    const url = `${site.home}khong-co-trang-nay/`;
    const violations = await audit(url, 404);
    expect(violations, describeViolations(url, violations)).toEqual([]);
  });
});
