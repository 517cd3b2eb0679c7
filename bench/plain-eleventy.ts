/**
 * The baseline: the same articles as Markdown with front matter, built by plain Eleventy
 * with a comparable article layout and a 20-per-page index. What our build costs on top
 * of this is the price of the parser and of our templates. Article pages carry `data-pagefind-body`, as
 * ours do, so that Pagefind's CLI indexes the same pages as our build's search step.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateArticle, type GeneratedArticle } from './corpus.ts';

const CONFIG = `export default function (eleventyConfig) {
  eleventyConfig.addFilter('viDate', (value) =>
    new Date(value).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'full', timeStyle: 'short' }),
  );
  eleventyConfig.addCollection('articles', (api) =>
    api.getFilteredByGlob('src/articles/**/*.md').sort((a, b) => b.date - a.date || a.inputPath.localeCompare(b.inputPath)),
  );
  return { dir: { input: 'src', includes: '_includes', output: '_site' }, markdownTemplateEngine: false };
}
`;

const BASE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} | Báo Quảng Ngãi</title>
<meta name="description" content="{{ lead }}">
</head>
<body>
<header><a href="/">Báo Quảng Ngãi</a>
<nav><a href="/thoi-su/">Thời sự</a> <a href="/kinh-te/">Kinh tế</a> <a href="/xa-hoi/">Xã hội</a> <a href="/van-hoa/">Văn hóa</a></nav>
</header>
<main>
{{ content | safe }}
</main>
<footer><p>Báo Quảng Ngãi – Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Quảng Ngãi</p></footer>
</body>
</html>
`;

const ARTICLE = `---
layout: base.njk
---
<article data-pagefind-body>
<p class="section"><a href="/{{ section }}/">{{ section }}</a></p>
<h1>{{ title }}</h1>
<p><time datetime="{{ page.date.toISOString() }}">{{ page.date | viDate }}</time></p>
<p class="lead"><strong>{{ lead }}</strong></p>
{{ content | safe }}
{% if credit %}<p class="byline">{{ credit }}</p>{% endif %}
</article>
`;

const INDEX = `---
layout: base.njk
title: Tin mới
lead: Tin tức mới nhất của Báo Quảng Ngãi
pagination:
  data: collections.articles
  size: 20
  alias: items
permalink: "/{% if pagination.pageNumber > 0 %}trang/{{ pagination.pageNumber + 1 }}/{% endif %}"
---
<h1>Tin mới</h1>
<ul>
{%- for item in items %}
<li><a href="{{ item.url }}">{{ item.data.title }}</a> <time datetime="{{ item.date.toISOString() }}">{{ item.date | viDate }}</time>
<p>{{ item.data.lead }}</p></li>
{%- endfor %}
</ul>
<nav>
{% if pagination.href.previous %}<a href="{{ pagination.href.previous }}">Trang trước</a>{% endif %}
{% if pagination.href.next %}<a href="{{ pagination.href.next }}">Trang sau</a>{% endif %}
</nav>
`;

const DIRECTORY_DATA = JSON.stringify({ layout: 'article.njk' });

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Front matter values are written as JSON strings, which YAML reads as they are. */
export function toMarkdown(article: GeneratedArticle): string {
  const e = article.expected;
  const front = [
    '---',
    `title: ${JSON.stringify(e.title)}`,
    `date: ${e.date}`,
    `author: ${JSON.stringify(e.author)}`,
    `credit: ${JSON.stringify(e.credit)}`,
    `section: ${JSON.stringify(article.section)}`,
    `lead: ${JSON.stringify(e.lead)}`,
    `permalink: ${JSON.stringify(`/${article.section}/${article.fileName.replace(/^\d+-|\.txt$/g, '')}/`)}`,
    '---',
  ];
  const body = article.blocks.map((block) => {
    if (block.kind === 'heading') return `## ${block.text}`;
    if (block.kind === 'figure') return `<figure><figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
    return block.text;
  });
  return `${front.join('\n')}\n\n${body.join('\n\n')}\n`;
}

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** Writes an Eleventy project for articles 0…n-1 of `seed` into `dir` (which should be empty). */
export async function writePlainEleventyProject(dir: string, n: number, seed: number): Promise<void> {
  await put(join(dir, 'eleventy.config.js'), CONFIG);
  await put(join(dir, 'src', '_includes', 'base.njk'), BASE);
  await put(join(dir, 'src', '_includes', 'article.njk'), ARTICLE);
  await put(join(dir, 'src', 'index.njk'), INDEX);
  await put(join(dir, 'src', 'articles', 'articles.json'), DIRECTORY_DATA);
  for (let i = 0; i < n; i++) {
    const article = generateArticle(i, seed);
    await put(join(dir, 'src', 'articles', article.section, article.fileName.replace(/\.txt$/, '.md')), toMarkdown(article));
  }
}
