import { spawn } from 'node:child_process';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../bench/corpus.ts';
import { toMarkdown } from '../../bench/plain-eleventy.ts';
import { treeRssBytes } from '../../bench/process-tree.ts';
import { median } from '../../bench/stats.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the middle pair', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('treeRssBytes', () => {
  it('counts the memory of grandchildren, not only of the root', async () => {
    // A shell whose child holds 200 MB: the shell alone is a few MB.
    const child = spawn('bash', ['-c', `node -e "globalThis.b = Buffer.alloc(200e6, 1); setTimeout(() => {}, 5000)"; true`], {
      stdio: 'ignore',
      detached: true,
    });
    try {
      let peak = 0;
      for (let i = 0; i < 60 && peak < 200e6; i++) {
        await new Promise((r) => setTimeout(r, 100));
        peak = Math.max(peak, treeRssBytes(child.pid!));
      }
      expect(peak).toBeGreaterThan(200e6);
    } finally {
      process.kill(-child.pid!, 'SIGKILL'); // the whole group we started, grandchild included
    }
  });

  it('is 0 for a process that does not exist', () => {
    expect(treeRssBytes(2 ** 22 + 12345)).toBe(0);
  });
});

describe('toMarkdown', () => {
  it('writes front matter and a body with the generated headings, captions and paragraphs', () => {
    for (const i of [0, 1, 2, 3, 4, 5]) {
      const article = generateArticle(i, 99);
      const { data, content } = matter(toMarkdown(article));
      const e = article.expected;
      expect(data.title).toBe(e.title);
      expect(new Date(data.date).toISOString()).toBe(new Date(e.date).toISOString());
      expect([data.author, data.credit, data.lead, data.section]).toEqual([e.author, e.credit, e.lead, article.section]);
      const html = new MarkdownIt({ html: true }).render(content);
      for (const heading of e.headings) expect(html).toContain(`<h2>${heading}</h2>`);
      for (const caption of e.captions) expect(html).toContain(`<figcaption>${caption}</figcaption>`);
      expect(html.match(/<p>/g)).toHaveLength(e.paragraphs.length);
    }
  });
});
