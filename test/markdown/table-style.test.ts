/**
 * A Markdown story's table as style.css draws it in Chromium: each column aligned as its `:---:` row
 * says, and a table of long words still inside a phone's column. The story's text is rendered by the
 * article page's own partial, the stylesheet is the site's; no build is needed for either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../../src/markup/html.ts';
import { parseMarkdownStory } from '../../src/parser/markdown-story.ts';
import { storyText } from '../../templates/partials/story-text.ts';
import { launchBrowser, ROOT, type Browser } from '../browser/harness.ts';

const STORY = `---
title: Bảng giá
date: 2024-05-01 07:30
lead: Sapo của bài.
author: MINH ANH
---
| Trái | Giữa | Phải | Không ghi |
| :--- | :---: | ---: | --- |
| a | b | 350.000 | c |

| Tên dịch vụ dài không có khoảng trắng | Ghi chú |
| --- | --- |
| Dulịchlặnngắmsanhôvàcâucáđêmởđảo\u00adLýSơnvàbãibiểnMỹKhêcủaQuảngNgãi | Giáthamkhảotrongmùacaođiểmkhôngbaogồmthuếvàphídịchvụ |
`;

/** The article column of a page: the site's stylesheet, the story's text inside `article.story`. */
function storyPage(): string {
  const parsed = parseMarkdownStory(STORY);
  if (!parsed.ok) throw new Error(parsed.errors.map((issue) => issue.message).join('\n'));
  const text = storyText(parsed.article.blocks, () => html``).value;
  const css = readFileSync(join(ROOT, 'templates/style.css'), 'utf8');
  return `<!doctype html><html lang="vi"><head><meta name="viewport" content="width=device-width"><style>${css}</style></head>
<body><main class="article-page"><article class="story">${text}</article></main></body></html>`;
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.setContent(storyPage());
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('a Markdown table in style.css', () => {
  it('aligns each column as the table says, and at the start of the line where it says nothing', async () => {
    const alignments = await page.locator('table').first().locator('td').evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).textAlign));
    expect(alignments).toEqual(['left', 'center', 'right', 'start']);
  });

  it('keeps a table of long words inside the column of a 390 px screen', async () => {
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
      table: document.querySelectorAll('table')[1]!.getBoundingClientRect().right,
      column: document.querySelector('article')!.getBoundingClientRect().right,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    expect(widths.table).toBeLessThanOrEqual(widths.column + 0.5);
  });
});
