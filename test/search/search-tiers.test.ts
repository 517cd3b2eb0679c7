import { describe, expect, test } from 'vitest';
import { ArticleEntry, Corpus, type ArticleSummary } from '../../src/corpus/corpus.ts';
import { searchPagesOf, searchTiers, type SearchPage } from '../../src/search/search-tiers.ts';

/** A page named after its Vietnam date and time (`2016-06-11 07:38`), so an expectation reads as a calendar. */
function page(vietnamTime: string, slug = 'bai'): SearchPage {
  const [day, time] = vietnamTime.split(' ') as [string, string];
  return { file: `${day.slice(0, 4)}/${day.slice(5, 7)}/${day}-${slug}/index.html`, date: `${day}T${time}:00+07:00` };
}

/** Tier name → the dates of its pages, newest tier first. */
function tiersOf(pages: readonly SearchPage[]): [string, string[]][] {
  return searchTiers(pages).map(({ name, files }) => [name, files.map((file) => file.split('/')[2]!.replace(/-bai$/, ''))]);
}

describe('searchTiers', () => {
  test('the newest day, the rest of its month, the rest of its year, then each earlier year, newest first', () => {
    const pages = ['2016-06-11 07:38', '2018-05-20 08:45', '2020-03-06 09:00', '2020-03-06 18:00', '2020-03-02 09:00', '2020-01-15 09:00', '2019-12-31 23:59', '2015-01-01 00:00'].map((time) => page(time));
    expect(tiersOf(pages)).toEqual([
      ['ngay', ['2020-03-06', '2020-03-06']],
      ['thang', ['2020-03-02']],
      ['nam', ['2020-01-15']],
      ['2019', ['2019-12-31']],
      ['2018', ['2018-05-20']],
      ['2016', ['2016-06-11']],
      ['2015', ['2015-01-01']],
    ]);
  });

  test('a story of a new day, month or year moves the tiers: the rollovers', () => {
    const before = ['2020-03-06 09:00', '2020-03-05 09:00', '2020-02-28 09:00', '2019-12-31 09:00'].map((time) => page(time));
    expect(tiersOf([...before, page('2020-03-06 22:00', 'moi')]).map(([name]) => name)).toEqual(['ngay', 'thang', 'nam', '2019']);
    expect(tiersOf([...before, page('2020-03-07 06:00')])).toEqual([
      ['ngay', ['2020-03-07']],
      ['thang', ['2020-03-05', '2020-03-06']],
      ['nam', ['2020-02-28']],
      ['2019', ['2019-12-31']],
    ]);
    expect(tiersOf([...before, page('2020-04-01 06:00')])).toEqual([
      ['ngay', ['2020-04-01']],
      ['nam', ['2020-02-28', '2020-03-05', '2020-03-06']],
      ['2019', ['2019-12-31']],
    ]);
    expect(tiersOf([...before, page('2021-01-01 00:05')])).toEqual([
      ['ngay', ['2021-01-01']],
      ['2020', ['2020-02-28', '2020-03-05', '2020-03-06']],
      ['2019', ['2019-12-31']],
    ]);
  });

  test('in January there is no "nam", and on the first of a month no "thang": empty tiers do not exist', () => {
    const january = ['2021-01-20 09:00', '2021-01-03 09:00', '2020-12-31 09:00', '2020-06-01 09:00'].map((time) => page(time));
    expect(tiersOf(january).map(([name]) => name)).toEqual(['ngay', 'thang', '2020']);
    const firstOfMonth = ['2021-05-01 09:00', '2021-04-30 09:00'].map((time) => page(time));
    expect(tiersOf(firstOfMonth)).toEqual([
      ['ngay', ['2021-05-01']],
      ['nam', ['2021-04-30']],
    ]);
  });

  test('one article is the newest day; no article, no tier', () => {
    expect(searchTiers([page('2016-06-11 07:38')])).toEqual([{ name: 'ngay', year: 2016, month: 6, files: ['2016/06/2016-06-11-bai/index.html'] }]);
    expect(searchTiers([])).toEqual([]);
  });

  test('the day is Vietnam time: 23:30 and 00:30 around midnight UTC, however the offset is written', () => {
    // 00:30 on the 7th in Vietnam is 17:30 UTC on the 6th; 23:30 on the 6th is 16:30 UTC the same day.
    const afterMidnight: SearchPage = { file: 'b/index.html', date: '2020-03-06T17:30:00Z' };
    const beforeMidnight: SearchPage = { file: 'a/index.html', date: '2020-03-06T23:30:00+07:00' };
    expect(searchTiers([beforeMidnight, afterMidnight])).toEqual([
      { name: 'ngay', year: 2020, month: 3, files: ['b/index.html'] },
      { name: 'thang', year: 2020, month: 3, files: ['a/index.html'] },
    ]);
    // New Year's Eve: 23:30 on 31/12 is one year, 00:30 on 1/1 (the 31st in UTC) the next.
    const newYear: SearchPage = { file: 'c/index.html', date: '2020-12-31T17:30:00.000Z' };
    const oldYear: SearchPage = { file: 'd/index.html', date: '2020-12-31T23:30:00+07:00' };
    expect(searchTiers([oldYear, newYear]).map(({ name, year, month }) => [name, year, month])).toEqual([
      ['ngay', 2021, 1],
      ['2020', 2020, null],
    ]);
  });

  test('the same tiers whatever the order of the pages', () => {
    const pages = ['2020-03-06 09:00', '2020-03-06 08:00', '2020-03-01 09:00', '2020-02-01 09:00', '2019-05-05 09:00', '2017-05-05 09:00', '2019-01-01 09:00'].flatMap((time) => [page(time, 'x'), page(time, 'y')]);
    const expected = searchTiers(pages);
    expect(searchTiers([...pages].reverse())).toEqual(expected);
    expect(searchTiers([...pages.slice(5), ...pages.slice(0, 5)])).toEqual(expected);
    expect(expected.flatMap(({ files }) => files).sort()).toEqual(pages.map(({ file }) => file).sort());
  });
});

describe('searchPagesOf', () => {
  test('each article of the corpus as its page file and its date', () => {
    const summary = (title: string, date: string): ArticleSummary => ({
      title,
      date,
      author: null,
      credit: null,
      source: null,
      lead: 'Mở đầu.',
      headings: [],
      captions: [],
      slug: title,
      section: null,
      photos: [],
    });
    const corpus = new Corpus([
      new ArticleEntry('a.txt', summary('cu', '2016-06-11T07:38:00+07:00'), '/2016/06/cu/', [], 'a', []),
      new ArticleEntry('b.txt', summary('moi', '2018-05-20T08:45:00+07:00'), '/2018/05/moi/', [], 'b', []),
    ]);
    expect(searchPagesOf(corpus)).toEqual([
      { file: '2018/05/moi/index.html', date: '2018-05-20T08:45:00+07:00' },
      { file: '2016/06/cu/index.html', date: '2016-06-11T07:38:00+07:00' },
    ]);
  });
});
