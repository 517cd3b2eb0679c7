import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Article, Block } from '../../src/article.ts';
import { toMarkdown } from '../../src/commands/parse.ts';
import { html } from '../../src/markup/html.ts';
import { parseArticle, type ParseResult } from '../../src/parser/index.ts';
import { parseMarkdownStory } from '../../src/parser/markdown-story.ts';
import { storyText } from '../../templates/partials/story-text.ts';
import { FIXTURES, publishableFixtureFiles, SHARED_FIXTURES } from '../fixtures.ts';

const FRONT = `---
title: Tiêu đề bài
date: 2024-05-01 07:30
lead: Sapo của bài.
author: MINH ANH
---
`;

function article(result: ParseResult): Article {
  if (!result.ok) throw new Error(result.errors.map((issue) => `${issue.line}: ${issue.code}: ${issue.message}`).join('\n'));
  return result.article;
}

function issuesOf(result: ParseResult): string[] {
  return [...(result.ok ? [] : result.errors), ...result.warnings].map((issue) => `${issue.code}@${issue.line}`);
}

/** The story's HTML as the article page draws it, photos as their captions. */
function bodyHtml(blocks: readonly Block[]): string {
  return storyText(blocks, (caption, n) => html`<figure data-photo="${n}">${caption}</figure>`).value;
}

function withoutLines(blocks: readonly Block[]): unknown[] {
  return blocks.map(({ line: _line, ...block }) => block);
}

describe('a Markdown story', () => {
  test('takes title, date, lead, byline, source and the rest from its front matter', () => {
    const parsed = article(parseMarkdownStory(`${FRONT.replace('---\n', '---\nsource: Báo Quảng Ngãi\nslug: bai-rieng\nsection: thoi-su\n')}Đoạn văn.\n`));
    expect(parsed).toMatchObject({
      title: 'Tiêu đề bài',
      date: '2024-05-01T07:30:00+07:00',
      lead: 'Sapo của bài.',
      author: 'MINH ANH',
      credit: null,
      source: 'Báo Quảng Ngãi',
      slug: 'bai-rieng',
      section: 'thoi-su',
      blocks: [{ kind: 'paragraph', text: 'Đoạn văn.', line: 10 }],
    });
  });

  test('plain paragraphs, ## headings and lone images are the blocks of a text story', () => {
    const parsed = article(parseMarkdownStory(`${FRONT}Đoạn một\nnối dòng.\n\n## Tiêu đề phụ\n\n![Chú thích ảnh.](bai-1.jpg)\n\n# Một dấu thăng cũng là tiêu đề phụ\n`));
    expect(parsed.blocks).toEqual([
      { kind: 'paragraph', text: 'Đoạn một nối dòng.', line: 7 },
      { kind: 'heading', text: 'Tiêu đề phụ', line: 10 },
      { kind: 'figure', caption: 'Chú thích ảnh.', line: 12 },
      { kind: 'heading', text: 'Một dấu thăng cũng là tiêu đề phụ', line: 14 },
    ]);
    expect(parsed.headings).toEqual(['Tiêu đề phụ', 'Một dấu thăng cũng là tiêu đề phụ']);
    expect(parsed.captions).toEqual(['Chú thích ảnh.']);
    expect(parsed.photos).toEqual(['bai-1.jpg']);
  });

  test('renders a link, a list, emphasis, a quote and a table, and shows <script> as text', () => {
    const parsed = article(parseMarkdownStory(readFileSync(join(FIXTURES, '10-markdown.md'), 'utf8')));
    const page = bodyHtml(parsed.blocks);
    expect(page).toContain('<a href="https://svhttdl.quangngai.gov.vn/" rel="external noopener">Sở Văn hóa, Thể thao và Du lịch<span class="visually-hidden"> (trang ngoài)</span></a>');
    expect(page).toContain('<a href="https://quangngai.gov.vn/du-lich" rel="external noopener">');
    expect(page).toMatch(/<ul>\n<li>Kem chống nắng, nón rộng vành<\/li>/);
    expect(page).toMatch(/<ol>\n<li>Tắm ở khu có cờ xanh.<\/li>/);
    expect(page).toContain('<strong>gần 30%</strong>');
    expect(page).toContain('<em>túi đựng rác</em>');
    expect(page).toContain('<blockquote>\n<p>Biển đẹp nhất là khi sạch.');
    expect(page).toContain('<th class="align-right">Giá (đồng)</th>');
    expect(page).toContain('<td>Lặn ngắm san hô</td>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).not.toContain('<script');
    expect(page).toContain('<h2 id="nhung-dieu-can-mang-theo">Những điều cần mang theo</h2>');
    expect(page).toContain('<h3 id="gia-dich-vu-tham-khao">Giá dịch vụ tham khảo</h3>');
    expect(parsed.headings).toEqual(['Những điều cần mang theo', 'Giá dịch vụ tham khảo']);
    expect(issuesOf(parseMarkdownStory(readFileSync(join(FIXTURES, '10-markdown.md'), 'utf8')))).toEqual([]);
  });

  test('javascript:, vbscript:, data: and file: links are not links; raw HTML is text', () => {
    const links = ['javascript:alert(1)', 'JavaScript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd'];
    for (const href of links) {
      const page = bodyHtml(article(parseMarkdownStory(`${FRONT}Xem [đây](${href}) và <${href}> hay <a href="${href}">kia</a> **nhé**.\n`)).blocks);
      expect(page, href).not.toMatch(/<a\s/);
      expect(page, href).toContain('&lt;a href=');
    }
    const safe = bodyHtml(article(parseMarkdownStory(`${FRONT}Thư [toà soạn](mailto:toasoan@baoquangngai.vn), bài [trước](/2024/04/bai-truoc/) **nhé**.\n`)).blocks);
    expect(safe).toContain('<a href="mailto:toasoan@baoquangngai.vn">toà soạn</a>');
    expect(safe).toContain('<a href="/2024/04/bai-truoc/">trước</a>');
  });

  test('a link to a page of the site is written as the page asks (absolute in a feed); one to another host is external', () => {
    const blocks = article(parseMarkdownStory(`${FRONT}Bài [trước](/2024/04/bai-truoc/#doan-2) và [trang khác](//example.com/a) **nhé**.\n`)).blocks;
    const page = storyText(blocks, () => html``, { sitePath: (path) => `https://baoquangngai.vn/tin${path}`, externalNote: true }).value;
    expect(page).toContain('<a href="https://baoquangngai.vn/tin/2024/04/bai-truoc/#doan-2">trước</a>');
    expect(page).toContain('<a href="//example.com/a" rel="external noopener">trang khác<span class="visually-hidden"> (trang ngoài)</span></a>');
  });

  test('headings keep an outline without gaps, with ids unique across the story', () => {
    const parsed = article(parseMarkdownStory(`${FRONT}#### Mở đầu\n\n## Mở đầu\n\n#### Chi *tiết*\n`));
    const page = bodyHtml(parsed.blocks);
    expect(page).toContain('<h2 id="mo-dau">Mở đầu</h2>');
    expect(page).toContain('<h2 id="mo-dau-2">Mở đầu</h2>');
    expect(page).toContain('<h3 id="chi-tiet">Chi <em>tiết</em></h3>');
  });

  test('a photo is a paragraph of one image: its alt text is the caption, the file beside the story or NAME-k by its place', () => {
    const named = article(parseMarkdownStory(`${FRONT}![Một.](anh%20mot.jpg)\n\n![Hai.](<hai.jpg>)\n`));
    expect(named.photos).toEqual(['anh mot.jpg', 'hai.jpg']);
    const byPlace = article(parseMarkdownStory(`${FRONT}![Một.](#anh-1)\n\n![Hai.](#anh-2)\n`));
    expect(byPlace.photos).toEqual([]);
    expect(byPlace.captions).toEqual(['Một.', 'Hai.']);
  });

  test('a file name after a photo without one cannot be said by a list of names: a MARKDOWN_IMAGE warning, and NAME-k is used', () => {
    const result = parseMarkdownStory(`${FRONT}![Một.](mot.jpg)\n\n![Hai.](#anh-2)\n\n![Ba.](ba.jpg)\n`);
    expect(issuesOf(result)).toEqual(['MARKDOWN_IMAGE@11']);
    expect(article(result).photos).toEqual(['mot.jpg']);
    expect(article(parseMarkdownStory(`${FRONT}![Một.](mot.jpg)\n\n![Hai.](hai.jpg)\n`)).photos).toEqual(['mot.jpg', 'hai.jpg']);
  });

  test('photos: in the front matter wins over the names in the body', () => {
    const parsed = article(parseMarkdownStory(`${FRONT.replace('---\n', '---\nphotos:\n  - khac.jpg\n')}![Một.](mot.jpg)\n`));
    expect(parsed.photos).toEqual(['khac.jpg']);
  });

  test('an image in the middle of text, from elsewhere or without a caption is a MARKDOWN_IMAGE warning on its line', () => {
    const result = parseMarkdownStory(`${FRONT}Chữ ![ảnh](a.jpg) chữ.\n\n![Ảnh ngoài.](https://example.com/a.jpg)\n\n![](bai-3.jpg)\n`);
    expect(issuesOf(result)).toEqual(['MARKDOWN_IMAGE@7', 'MARKDOWN_IMAGE@9', 'MARKDOWN_IMAGE@11', 'MARKDOWN_IMAGE@11']);
    const parsed = article(result);
    expect(bodyHtml(parsed.blocks)).not.toContain('<img');
    expect(parsed.captions).toEqual(['Ảnh ngoài.', '']);
  });

  test('front matter mistakes are reported on their line with the codes of the override block', () => {
    expect(issuesOf(parseMarkdownStory('---\ntitle: Tiêu đề\ndate: 2024-02-31 07:00\nlead: Sapo.\n---\nĐoạn.\n'))).toEqual(['BAD_OVERRIDE@3']);
    expect(issuesOf(parseMarkdownStory('---\ntitle: Sơn Hà: Mưa lớn\ndate: 2024-02-01 07:00\n---\nĐoạn.\n'))).toEqual(['BAD_OVERRIDE@2']);
    expect(issuesOf(parseMarkdownStory(`${FRONT.replace('author', 'autor')}Đoạn.\n`))).toEqual(['UNKNOWN_OVERRIDE@5', 'NO_BYLINE@1']);
    expect(issuesOf(parseMarkdownStory('---\ntitle: Tiêu đề\n\nĐoạn.\n'))).toEqual(['BAD_OVERRIDE@1']);
    expect(issuesOf(parseMarkdownStory(`${FRONT.replace('---\n', '---\ncaptions:\n  - Một\n')}Đoạn.\n`))).toEqual(['BAD_OVERRIDE@2']);
    expect(issuesOf(parseMarkdownStory(`${FRONT.replace('---\n', '---\nsource: [1]\n')}Đoạn.\n`))).toEqual(['BAD_OVERRIDE@2']);
  });

  test('a missing title, date or lead is its own error, pointing at the front matter', () => {
    expect(issuesOf(parseMarkdownStory('Chỉ có thân bài.\n'))).toEqual(['NO_DATE@1', 'NO_TITLE@1', 'NO_BYLINE@1']);
    expect(issuesOf(parseMarkdownStory('---\ntitle: Tiêu đề\ndate: 2024-02-01 07:00\nauthor: A\n---\nĐoạn.\n'))).toEqual(['NO_LEAD@1']);
    expect(issuesOf(parseMarkdownStory('\n \n'))).toEqual(['EMPTY_FILE@1']);
  });

  test('front matter that names another language is not evaluated', () => {
    const result = parseMarkdownStory('---js\n({ title: (globalThis.hacked = "có"), date: "2024-05-01" })\n---\nĐoạn.\n');
    expect(result.ok).toBe(false);
    expect((globalThis as { hacked?: string }).hacked).toBeUndefined();
  });
});

describe('a text story', () => {
  test('keeps what looks like Markdown as plain text', () => {
    const text = `Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]

Tiêu đề bài

(Báo Quảng Ngãi)- Sapo của bài, đủ dài để là một đoạn mở đầu.

1. Đây là câu mở đầu bằng số, không phải danh sách.

* Dấu sao *đứng* đầu dòng và _gạch dưới_ không phải định dạng.

# Dấu thăng ở đầu dòng cũng chỉ là chữ, như [liên kết](https://example.com).

THANH THUẬN
`;
    const parsed = article(parseArticle(text));
    const paragraphs = parsed.blocks.map((block) => (block.kind === 'paragraph' ? block.text : block.kind));
    expect(paragraphs).toEqual([
      '1. Đây là câu mở đầu bằng số, không phải danh sách.',
      '* Dấu sao *đứng* đầu dòng và _gạch dưới_ không phải định dạng.',
      '# Dấu thăng ở đầu dòng cũng chỉ là chữ, như [liên kết](https://example.com).',
    ]);
    const page = bodyHtml(parsed.blocks);
    expect(page).not.toMatch(/<(?:ol|ul|li|em|strong|h1|a)\b/);
    expect(page).toContain('<p>* Dấu sao *đứng* đầu dòng và _gạch dưới_ không phải định dạng.</p>');
  });
});

test('a text story with featured and tags keeps them when converted', () => {
  const text = `---\nfeatured: true\ntags:\n  - Bão số 4\n---\nCập nhật lúc: 07:38, 11/06/2016 [GMT+7]\n\nTiêu đề bài\n\nSapo của bài.\n\nĐoạn văn.\n\nTHANH THUẬN\n`;
  const original = article(parseArticle(text));
  expect(original).toMatchObject({ featured: true, tags: ['Bão số 4'] });
  expect(article(parseMarkdownStory(toMarkdown(original)))).toMatchObject({ featured: true, tags: ['Bão số 4'] });
});

function fixtureTexts(dir: string): [string, string][] {
  return publishableFixtureFiles(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
}

function readsBackAsTheSameArticle(dir: string): void {
  test.each(fixtureTexts(dir))('%s reads back as the same article', (_name, text) => {
    const original = article(parseArticle(text));
    const converted = parseMarkdownStory(toMarkdown(original));
    expect(issuesOf(converted)).toEqual([]);
    const { body: _body, blocks, ...fields } = article(converted);
    const { body: _originalBody, blocks: originalBlocks, ...originalFields } = original;
    expect(fields).toEqual(originalFields);
    expect(withoutLines(blocks)).toEqual(withoutLines(originalBlocks));
    expect(bodyHtml(blocks)).toBe(bodyHtml(originalBlocks));
  });
}

describe('every publishable fixture of the repository, converted by parse to Markdown', () => readsBackAsTheSameArticle(FIXTURES));

describe.skipIf(SHARED_FIXTURES === null)('every publishable fixture of the shared conformance set, converted by parse to Markdown (skipped where absent)', () => {
  // Declared either way, so that a checkout without the folder reports this suite as skipped.
  test('are present', () => {
    expect(fixtureTexts(SHARED_FIXTURES!).length).toBeGreaterThan(0);
  });
  if (SHARED_FIXTURES !== null) readsBackAsTheSameArticle(SHARED_FIXTURES);
});
