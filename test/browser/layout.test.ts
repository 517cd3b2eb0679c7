/**
 * A photo's `sizes` (templates/layout.ts) against the column style.css really draws, measured in Chromium.
 * `sizes` is all the browser knows when it picks a file from `srcset`, before any stylesheet: if it
 * announces a width far from the column's, phones fetch photos too big and wide screens blurry ones.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleColumn } from '../../templates/layout.ts';
import { openReaderSite, type ReaderSite } from './harness.ts';

/** How far the announced width may be from the drawn one: `sizes` is written in rem, the column in characters of the body font. */
const TOLERANCE = 1.15;
const WINDOW_WIDTHS = Array.from({ length: 33 }, (_, i) => 320 + i * 40);

interface SizesEntry {
  media: string | null;
  length: string;
}

/** `(min-width: 44rem) 40rem, 100vw` as its entries; the last one has no media condition. */
function sizesEntries(sizes: string): SizesEntry[] {
  return sizes.split(',').map((entry) => {
    const match = /^\s*(\(.*\))\s+(\S+)\s*$/.exec(entry);
    return match ? { media: match[1]!, length: match[2]! } : { media: null, length: entry.trim() };
  });
}

/** The width `sizes` announces in this window, as the browser evaluates it, and the width the story's first photo is drawn at. */
async function announcedAndDrawn(page: Page, sizes: readonly SizesEntry[]): Promise<{ announced: number; drawn: number }> {
  return page.evaluate((entries) => {
    const chosen = entries.find((entry) => entry.media === null || matchMedia(entry.media).matches)!;
    const probe = document.createElement('div');
    probe.style.width = chosen.length;
    document.body.append(probe);
    const announced = probe.getBoundingClientRect().width;
    probe.remove();
    return { announced, drawn: document.querySelector('article.story figure.photo')!.getBoundingClientRect().width };
  }, sizes);
}

/** Window widths at which the announced width is off by more than TOLERANCE either way. */
async function disagreements(page: Page): Promise<string[]> {
  const sizes = sizesEntries(articleColumn.photoSizes);
  const off: string[] = [];
  for (const width of WINDOW_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const { announced, drawn } = await announcedAndDrawn(page, sizes);
    const ratio = announced / drawn;
    if (ratio > TOLERANCE || ratio < 1 / TOLERANCE) off.push(`${width}px window: sizes says ${announced}px, photo drawn ${drawn}px`);
  }
  return off;
}

let site: ReaderSite;
let page: Page;

beforeAll(async () => {
  site = await openReaderSite();
  page = await site.browser.context.newPage();
  await page.goto(site.home);
  // The seed story has photos (captions only here: the fixtures carry no image files, and a figure is as wide either way).
  const story = await page.locator('main ol li h2 a').evaluateAll((links) =>
    links.map((link) => (link as HTMLAnchorElement).href),
  );
  for (const url of story) {
    await page.goto(url);
    if ((await page.locator('article.story figure.photo').count()) > 0) return;
  }
  throw new Error('no story of the fixtures has a photo');
});

afterAll(async () => {
  await page?.close();
  await site?.close();
});

describe('the photo sizes and the article column', () => {
  it(`agree within ${Math.round((TOLERANCE - 1) * 100)}% at every window width from 320 to 1600 px`, async () => {
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--measure').trim())).toBe(articleColumn.measure);
    expect(await disagreements(page)).toEqual([]);
  });

  it('a column made narrower in style.css alone is caught', async () => {
    const narrower = await page.addStyleTag({ content: ':root { --measure: 45ch; }' });
    try {
      expect((await disagreements(page)).length).toBeGreaterThan(0);
    } finally {
      await narrower.evaluate((style) => (style as HTMLStyleElement).remove());
    }
  });
});
