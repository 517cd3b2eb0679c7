import { describe, expect, test } from 'vitest';
import { monthName, monthUrl, pagedUrl, yearUrl } from '../../src/corpus/archive.ts';
import { authorNames, authorUrl } from '../../src/corpus/authors.ts';
import { ArticleEntry, Corpus, type ArticleSummary } from '../../src/corpus/corpus.ts';
import { searchTerms } from '../../src/search/search-terms.ts';
import { foldVietnamese } from '../../src/text/fold.ts';
import { compareSections, knownSections, resolveSection, sectionFolder } from '../../src/corpus/sections.ts';
import { ArchiveModel } from '../../src/corpus/archive-model.ts';
import { ALL_FEATURES } from '../../src/corpus/features.ts';
import { affectedPages } from '../../src/serve/affected.ts';
import { sectionIssue } from '../../src/corpus/load-corpus.ts';
import { linkedByline } from '../../templates/partials/byline.ts';
import { newsStories } from '../../templates/pages/news-sitemap.ts';

function article(title: string, date: string, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    title,
    date,
    author: null,
    credit: null,
    source: null,
    lead: `Mở đầu của bài ${title}.`,
    headings: [],
    captions: [],
    slug: title.toLowerCase().replace(/\s+/g, '-'),
    section: null,
    photos: [],
    ...extra,
  };
}

function entry(file: string, a: ArticleSummary): ArticleEntry {
  return new ArticleEntry(file, a, `/${a.date.slice(0, 4)}/${a.date.slice(5, 7)}/${a.slug}/`, [], file, []);
}

describe('sections', () => {
  test('the folder right below the content folder, none for a file directly in it', () => {
    expect(sectionFolder('content/thoi-su/bai.txt', 'content')).toBe('thoi-su');
    expect(sectionFolder('content/thoi-su/2016/bai.txt', 'content/')).toBe('thoi-su');
    expect(sectionFolder('content/bai.txt', 'content')).toBeNull();
    expect(sectionFolder('/tmp/x/kinh-te/a.txt', '/tmp/x')).toBe('kinh-te');
  });

  test('names come from the data file; an override wins, as slug or as name', () => {
    expect(resolveSection(null, 'thoi-su')).toEqual({ slug: 'thoi-su', name: 'Thời sự', known: true });
    expect(resolveSection('the-thao', 'thoi-su')).toEqual({ slug: 'the-thao', name: 'Thể thao', known: true });
    expect(resolveSection('Quốc phòng - An ninh', null)).toEqual({ slug: 'quoc-phong-an-ninh', name: 'Quốc phòng - An ninh', known: true });
    expect(resolveSection(null, null)).toBeNull();
  });

  test('an unknown folder is named from its words; an unknown override name is kept as written', () => {
    expect(resolveSection(null, 'am-thuc')).toEqual({ slug: 'am-thuc', name: 'Am Thuc', known: false });
    expect(resolveSection('Ẩm thực', null)).toEqual({ slug: 'am-thuc', name: 'Ẩm thực', known: false });
  });

  test('a section never takes an address the site uses', () => {
    expect(resolveSection(null, 'trang')?.slug).toBe('muc-trang');
    expect(resolveSection(null, '2016')?.slug).toBe('muc-2016');
    expect(resolveSection(null, 'tac-gia')?.slug).toBe('muc-tac-gia');
  });

  test('menu order is the data file order, unknown sections after, by slug', () => {
    const list = knownSections();
    expect(list.slice(0, 2).map((s) => s.name)).toEqual(['Thời sự', 'Chính trị']);
    const sorted = [resolveSection(null, 'zeta')!, resolveSection(null, 'kinh-te')!, resolveSection(null, 'alpha')!, resolveSection(null, 'thoi-su')!].sort(
      compareSections,
    );
    expect(sorted.map((s) => s.slug)).toEqual(['thoi-su', 'kinh-te', 'alpha', 'zeta']);
  });

  test('check warns about an unknown section at line 1, not about known ones or files without a section', () => {
    const files: [string, string | null][] = [
      ['content/thoi-su/a.txt', null],
      ['content/am-thuc/b.txt', null],
      ['content/c.txt', null],
      ['content/d.txt', 'Ẩm thực'],
    ];
    const reports = files.flatMap(([file, section]) => {
      const issue = sectionIssue(file, section, 'content');
      return issue ? [{ file, issues: [issue] }] : [];
    });
    expect(reports.map((r) => r.file)).toEqual(['content/am-thuc/b.txt', 'content/d.txt']);
    expect(reports[0]!.issues[0]).toMatchObject({ severity: 'warning', code: 'UNKNOWN_SECTION', line: 1 });
    expect(reports[0]!.issues[0]!.message).toContain('templates/_data/sections.json');
  });
});

describe('writers', () => {
  test('several names split on ", " and " - ", each credited once', () => {
    expect(authorNames('MINH ANH - THANH HÀ')).toEqual(['MINH ANH', 'THANH HÀ']);
    expect(authorNames('MINH ANH, THANH HÀ, MINH ANH')).toEqual(['MINH ANH', 'THANH HÀ']);
    expect(authorNames('X.THIÊN')).toEqual(['X.THIÊN']);
    expect(authorNames(null)).toEqual([]);
    expect(authorUrl('THANH HÀ')).toBe('/tac-gia/thanh-ha/');
  });

  test('the byline keeps its wording, with each name linked', () => {
    const links = authorNames('MINH ANH - THANH HÀ').map((name) => ({ name, url: authorUrl(name) }));
    expect(linkedByline('Bài: MINH ANH - Ảnh: THANH HÀ', links).value).toBe(
      'Bài: <a href="/tac-gia/minh-anh/">MINH ANH</a> - Ảnh: <a href="/tac-gia/thanh-ha/">THANH HÀ</a>',
    );
    expect(linkedByline('Theo TTXVN', [{ name: 'A & B', url: '/tac-gia/a-and-b/' }]).value).toBe(
      'Theo TTXVN, <a href="/tac-gia/a-and-b/">A &amp; B</a>',
    );
  });
});

describe('archive addresses', () => {
  test('years, months and their numbered pages never look like an article address', () => {
    expect(yearUrl(2016)).toBe('/2016/');
    expect(monthUrl(2016, 6)).toBe('/2016/06/');
    expect(pagedUrl('/2016/06/', 1)).toBe('/2016/06/trang/1/');
    expect(pagedUrl('/2016/06/', 2)).toBe('/2016/06/trang/2/');
    expect(monthName(2016, 6)).toBe('Tháng 6/2016');
  });
});

describe('archive model', () => {
  const entries = [
    entry('c/thoi-su/a.txt', article('Lũ lụt ở Sơn Tịnh', '2016-06-11T07:38:00+07:00', { author: 'MINH ANH - THANH HÀ' })),
    entry('c/thoi-su/b.txt', article('Lũ lụt ở Bình Sơn', '2016-06-30T20:00:00+07:00', { author: 'MINH ANH' })),
    entry('c/kinh-te/c.txt', article('Giá tỏi Lý Sơn', '2016-07-01T08:00:00+07:00', { author: 'Minh Anh' })),
    entry('c/d.txt', article('Tin không chuyên mục', '2015-12-31T23:00:00+07:00', { section: 'kinh-te' })),
    entry('c/e.txt', article('Tin ở gốc', '2015-01-01T08:00:00+07:00')),
  ];
  const archive = new ArchiveModel(new Corpus(entries), 'c', ALL_FEATURES);

  test('sections in menu order with their stories newest first; the override wins over the folder', () => {
    expect(archive.sections.map((s) => [s.name, s.url, s.entries.map((e) => e.file)])).toEqual([
      ['Thời sự', '/thoi-su/', ['c/thoi-su/b.txt', 'c/thoi-su/a.txt']],
      ['Kinh tế', '/kinh-te/', ['c/kinh-te/c.txt', 'c/d.txt']],
    ]);
    expect(archive.sectionOf(entries[4]!)).toBeNull();
    expect(archive.nav).toEqual([
      { name: 'Thời sự', url: '/thoi-su/' },
      { name: 'Kinh tế', url: '/kinh-te/' },
    ]);
  });

  test('writers get one page per name, spellings that slug alike share it under the newest spelling', () => {
    expect(archive.authors.map((a) => [a.name, a.url, a.entries.map((e) => e.file)])).toEqual([
      ['Minh Anh', '/tac-gia/minh-anh/', ['c/kinh-te/c.txt', 'c/thoi-su/b.txt', 'c/thoi-su/a.txt']],
      ['THANH HÀ', '/tac-gia/thanh-ha/', ['c/thoi-su/a.txt']],
    ]);
  });

  test('years and months in Vietnam time, newest first', () => {
    expect(archive.years.map((y) => [y.name, y.url, y.entries.length])).toEqual([
      ['Năm 2016', '/2016/', 3],
      ['Năm 2015', '/2015/', 2],
    ]);
    expect(archive.months.map((m) => [m.name, m.url])).toEqual([
      ['Tháng 7/2016', '/2016/07/'],
      ['Tháng 6/2016', '/2016/06/'],
      ['Tháng 12/2015', '/2015/12/'],
      ['Tháng 1/2015', '/2015/01/'],
    ]);
  });

  test('pages: every group a root of its newest and numbered pages from its oldest, at …/trang/N/', () => {
    const pages = archive.pages(2);
    const thoiSu = pages.filter((p) => p.group.url === '/thoi-su/');
    expect(thoiSu.map((p) => [p.url, p.pageNumber, p.items.length])).toEqual([
      ['/thoi-su/', null, 2],
      ['/thoi-su/trang/1/', 1, 2],
    ]);
    const minhAnh = pages.filter((p) => p.group.url === '/tac-gia/minh-anh/');
    expect(minhAnh.map((p) => [p.url, p.items.map((e) => e.file)])).toEqual([
      ['/tac-gia/minh-anh/', ['c/kinh-te/c.txt', 'c/thoi-su/b.txt']],
      ['/tac-gia/minh-anh/trang/2/', ['c/kinh-te/c.txt']],
      ['/tac-gia/minh-anh/trang/1/', ['c/thoi-su/b.txt', 'c/thoi-su/a.txt']],
    ]);
  });

  test('an article links back to the numbered page of its month that shows it', () => {
    expect(Object.fromEntries(entries.map((e) => [e.file, archive.backLink(e, 1)]))).toEqual(
      Object.fromEntries(archive.months.flatMap((month) => month.entries.map((e, i) => [e.file, `${month.url}trang/${month.entries.length - i}/`]))),
    );
    const pages = archive.pages(1);
    for (const e of entries) expect(pages.find((page) => page.url === archive.backLink(e, 1))?.items).toContain(e);
  });

  test('related stories: 3 to 5, never the story itself, the same every time', () => {
    for (const e of entries) {
      const related = archive.related(e);
      expect(related.length).toBeGreaterThanOrEqual(3);
      expect(related.length).toBeLessThanOrEqual(5);
      expect(related).not.toContain(e);
    }
    expect(archive.related(entries[0]!)[0]).toBe(entries[1]);
    const again = new ArchiveModel(new Corpus(entries), 'c', ALL_FEATURES);
    expect(entries.map((e) => again.related(e).map((r) => r.file))).toEqual(entries.map((e) => archive.related(e).map((r) => r.file)));
  });
});

describe('pages a save affects (serve)', () => {
  test('a section gaining its first story changes every page: the masthead lists it', () => {
    const old = [1, 2, 3, 4].map((n) => entry(`c/thoi-su/${n}.txt`, article(`Tin thời sự ${n}`, `2016-06-0${n}T07:00:00+07:00`)));
    const added = entry('c/kinh-te/5.txt', article('Giá tỏi', '2016-06-05T07:00:00+07:00'));
    const before = new ArchiveModel(new Corpus(old), 'c', ALL_FEATURES);
    const after = new ArchiveModel(new Corpus([...old, added]), 'c', ALL_FEATURES);
    const { pages } = affectedPages(before, after, new Set([added.file]), 20);
    expect(pages.map((e) => e.file).sort()).toEqual([...old, added].map((e) => e.file).sort());
  });

  test('a back-dated story re-renders the newer stories of its month whose numbered page moved, not the rest', () => {
    const june = [1, 2, 3, 4, 5].map((n) => entry(`c/thoi-su/${n}.txt`, article(`Tin thời sự ${n}`, `2016-06-0${n}T07:00:00+07:00`)));
    const may = entry('c/thoi-su/thang-5.txt', article('Tin tháng năm', '2016-05-20T07:00:00+07:00'));
    const late = entry('c/thoi-su/muon.txt', article('Tin đăng muộn', '2016-06-02T12:00:00+07:00'));
    const features = { ...ALL_FEATURES, related: false };
    const before = new ArchiveModel(new Corpus([may, ...june]), 'c', features);
    const after = new ArchiveModel(new Corpus([may, ...june, late]), 'c', features);
    const { pages } = affectedPages(before, after, new Set([late.file]), 2);
    // Two a page from June's oldest: 1 2 | 3 4 | 5 before, 1 2 | muon 3 | 4 5 after; story 4 moves to page 3.
    expect(after.backLink(june[3]!, 2)).toBe('/2016/06/trang/3/');
    expect(pages.map((e) => e.file).sort()).toEqual(['c/thoi-su/2.txt', 'c/thoi-su/3.txt', 'c/thoi-su/4.txt', 'c/thoi-su/muon.txt']);
  });

  test('a new newest story re-renders only itself and the story before it', () => {
    const june = [1, 2, 3, 4, 5].map((n) => entry(`c/thoi-su/${n}.txt`, article(`Tin thời sự ${n}`, `2016-06-0${n}T07:00:00+07:00`)));
    const newest = entry('c/thoi-su/moi.txt', article('Tin mới', '2016-06-09T07:00:00+07:00'));
    const features = { ...ALL_FEATURES, related: false };
    const before = new ArchiveModel(new Corpus(june), 'c', features);
    const after = new ArchiveModel(new Corpus([...june, newest]), 'c', features);
    expect(affectedPages(before, after, new Set([newest.file]), 2).pages.map((e) => e.file).sort()).toEqual(['c/thoi-su/5.txt', 'c/thoi-su/moi.txt']);
  });
});

describe('news sitemap window', () => {
  test('the stories of the two days up to the newest one, whatever the clock says', () => {
    const at = (date: string) => entry(`c/${date}.txt`, article(date, date));
    const list = [at('2022-03-26T09:00:00+07:00'), at('2022-03-24T09:00:01+07:00'), at('2022-03-24T09:00:00+07:00'), at('2022-03-01T09:00:00+07:00')];
    expect(newsStories(list).map((e) => e.article.date)).toEqual(['2022-03-26T09:00:00+07:00', '2022-03-24T09:00:01+07:00']);
    expect(newsStories([])).toEqual([]);
  });
});

describe('search terms', () => {
  test('the fold the search page is given works on its own, as the browser runs it', () => {
    // search-script.ts serves foldVietnamese's source text: it must not lean on anything outside itself.
    const standalone = new Function(`${foldVietnamese.toString()}\nreturn foldVietnamese;`)() as (text: string) => string;
    expect(standalone('Đảng Ủy hoà ĐÀ NẴNG')).toBe('dang uy hoa da nang');
  });

  test('each word with đ, folded, once; other words are left to Pagefind', () => {
    expect(searchTerms(['Đảng ủy Khối', 'Đà Nẵng và đảng viên', 'hoà bình'])).toBe('dang da');
    expect(searchTerms(['Không có chữ đê'])).toBe('de');
    expect(searchTerms(['hoà bình'])).toBe('');
  });
});
