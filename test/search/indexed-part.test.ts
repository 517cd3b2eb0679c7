/**
 * `indexedPart` hands Pagefind a cut of each article page instead of the whole page, and must never
 * change the index: each page here is indexed by Pagefind twice, whole and as cut, and the two
 * bundles compared byte for byte; the pages where Pagefind reads outside the body element
 * (a title or an image from elsewhere, an attribute of its own) are the ones given whole.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedPart } from '../../src/search/search-index.ts';
import { build, hashTree, makeContent } from '../site/site-fixture.ts';

const page = (head: string, body: string) => `<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>Tựa của trang</title>${head}</head>\n<body>${body}</body>\n</html>\n`;
const masthead = '<header><img class="brand-mark" src="/favicon.svg" alt=""><p>Báo Quảng Ngãi</p></header>';
const story = (inner = '<h1>Mưa lớn ở Lý Sơn</h1><p>Đảng ủy xã họp bàn việc chống lụt.</p>') => `<article class="story" data-pagefind-body>${inner}</article>`;

/** Pages as the site makes them, and pages where Pagefind would read something outside the story. */
const CASES: Record<string, { html: string; cut: boolean }> = {
  'an article page: masthead image before the story, links after it': { html: page('', `${masthead}${story()}<aside><h2>Tin liên quan</h2><a href="/x/">Tin khác</a></aside>`), cut: true },
  'an image after the story, which Pagefind would take as its image': { html: page('', `${story()}<aside><img src="/anh.jpg" alt="Ảnh"></aside>`), cut: false },
  'an h1 before the story, which Pagefind would take as its title': { html: page('', `<header><h1>Báo Quảng Ngãi</h1></header>${story()}`), cut: false },
  'no h1 in the story: the title comes from <title>': { html: page('', story('<p>Chỉ có đoạn văn.</p>')), cut: false },
  'an empty h1 in the story': { html: page('', story('<h1> </h1><p>Nội dung.</p>')), cut: false },
  'a Pagefind attribute in the head': { html: page('<meta data-pagefind-meta="section:Thời sự">', story()), cut: false },
  'a Pagefind filter after the story': { html: page('', `${story()}<p data-pagefind-filter="chuyen-muc">Thời sự</p>`), cut: false },
  'no body element at all': { html: page('', '<main><h1>Trang</h1><p>Không đánh dấu.</p></main>'), cut: false },
};

async function bundle(pages: readonly { url: string; content: string }[]): Promise<Map<string, string>> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(errors.join('\n'));
  for (const { url, content } of pages) {
    const added = await index.addHTMLFile({ url, content });
    expect(added.errors).toEqual([]);
  }
  const out = await mkdtemp(path.join(os.tmpdir(), 'indexed-part-'));
  await index.writeFiles({ outputPath: out });
  await index.deleteIndex();
  const files = await hashTree(out);
  await rm(out, { recursive: true, force: true });
  return files;
}

describe('indexedPart', () => {
  afterAll(() => pagefind.close());

  for (const [name, { html, cut }] of Object.entries(CASES)) {
    it(`${name}: ${cut ? 'cut' : 'given whole'}, the same index`, async () => {
      const part = indexedPart(html);
      expect(part !== html).toBe(cut);
      expect(await bundle([{ url: '/bai/', content: part }])).toEqual(await bundle([{ url: '/bai/', content: html }]));
    });
  }

  describe('over the article pages of a built site', () => {
    let pages: { url: string; content: string }[];
    let site: string;
    beforeAll(async () => {
      const content = await makeContent();
      const built = await build(content, { args: ['--no-search'] });
      expect(built.exitCode, built.issues).toBe(0);
      site = built.out;
      const files = (await readdir(site, { recursive: true })).filter((file) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(file.split(path.sep).join('/'))).sort();
      pages = await Promise.all(files.map(async (file) => ({ url: `/${file.replace(/index\.html$/, '')}`, content: await readFile(path.join(site, file), 'utf8') })));
      await rm(content, { recursive: true, force: true });
    }, 120_000);
    afterAll(() => rm(path.dirname(site), { recursive: true, force: true }));

    it('every page is cut, and Pagefind writes the same bundle from the cuts as from the pages', async () => {
      expect(pages.length).toBeGreaterThan(5);
      const cuts = pages.map(({ url, content }) => ({ url, content: indexedPart(content) }));
      expect(cuts.filter((cut, i) => cut.content === pages[i]!.content).map((cut) => cut.url)).toEqual([]);
      expect(await bundle(cuts)).toEqual(await bundle(pages));
    });
  });
});
