import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { excerpt, isoDateTime, vietnameseDateTime, vietnameseShortDate } from '../../src/markup/filters.ts';
import { headingIds } from '../../src/markup/heading-ids.ts';
import { escapeHtml, html, raw } from '../../src/markup/html.ts';
import { jsonLdScript } from '../../src/markup/json-ld.ts';
import { normalizeSiteUrl } from '../../src/render/settings.ts';
import { absoluteUrl, articlePath } from '../../src/corpus/urls.ts';
import { assignAddresses, EMPTY_LEDGER } from '../../src/corpus/lifecycle.ts';
import { pageTitle } from '../../templates/pages/article.ts';

describe('Vietnamese dates', () => {
  test('dateline, short date and ISO with +07:00, in Vietnam time whatever the input offset', () => {
    expect(vietnameseDateTime('2016-06-11T07:38:00+07:00')).toBe('Thứ Bảy, 11/06/2016, 07:38 (GMT+7)');
    expect(vietnameseDateTime('2017-01-03T00:05:00Z')).toBe('Thứ Ba, 03/01/2017, 07:05 (GMT+7)');
    expect(vietnameseDateTime('2019-04-14T08:00:00+07:00')).toBe('Chủ Nhật, 14/04/2019, 08:00 (GMT+7)');
    expect(vietnameseShortDate('2016-06-11T07:38:00+07:00')).toBe('11/06/2016 07:38');
    expect(isoDateTime('2016-06-10T20:00:00Z')).toBe('2016-06-11T03:00:00+07:00');
  });

  test('a date written in Vietnam time reads as the instant it names, for any digits, real or not', () => {
    const digits = (from: number, to: number) => fc.integer({ min: from, max: to }).map((n) => String(n).padStart(2, '0'));
    const written = fc
      .tuple(fc.integer({ min: 100, max: 2999 }), digits(0, 19), digits(0, 39), digits(0, 29), digits(0, 69), fc.option(digits(0, 69), { nil: undefined }))
      .map(([year, month, day, hour, minute, second]) => `${String(year).padStart(4, '0')}-${month}-${day}T${hour}:${minute}${second === undefined ? '' : `:${second}`}+07:00`);
    fc.assert(
      fc.property(written, (iso) => {
        // What it meant before: the instant Date.parse reads, seven hours on (Luxon refuses what Date.parse does not read).
        const instant = Date.parse(iso);
        if (Number.isNaN(instant)) {
          expect(() => isoDateTime(iso)).toThrow();
          return;
        }
        const expected = new Date(instant + 7 * 3_600_000).toISOString().slice(0, 19);
        expect(isoDateTime(iso)).toBe(`${expected}+07:00`);
        expect(vietnameseShortDate(iso)).toBe(`${expected.slice(8, 10)}/${expected.slice(5, 7)}/${expected.slice(0, 4)} ${expected.slice(11, 16)}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('the URL month is the month in Vietnam', () => {
    expect(articlePath('2016-06-30T20:00:00Z', 'tin')).toBe('2016/07/tin');
  });
});

describe('excerpt', () => {
  const lead = 'Những ngày này, trên khắp các cánh đồng ở huyện đảo Lý Sơn, người dân đang tất bật thu hoạch tỏi.';
  test('short text is kept whole', () => {
    expect(excerpt('Ngắn gọn.', 20)).toBe('Ngắn gọn.');
  });
  test('cuts at a word boundary, drops trailing punctuation, ends with …', () => {
    const cut = excerpt(lead, 30);
    expect(cut).toBe('Những ngày này, trên khắp các…');
    expect(Array.from(cut).length).toBeLessThanOrEqual(31);
    expect(excerpt(lead, 15)).toBe('Những ngày này…');
  });
  test('never splits a word, whatever the limit', () => {
    const words = new Set(lead.split(' ').map((w) => w.replace(/[,.]$/, '')));
    for (let max = 5; max < lead.length; max++) {
      const cut = excerpt(lead, max);
      expect(cut.endsWith('…')).toBe(true);
      const last = cut.slice(0, -1).split(' ').at(-1)!;
      expect(words.has(last), `${max}: ${cut}`).toBe(true);
    }
  });
});

describe('URLs', () => {
  test('absolute URLs carry the path prefix once', () => {
    expect(absoluteUrl('https://bqn.vn/', '/', '/2016/06/a/')).toBe('https://bqn.vn/2016/06/a/');
    expect(absoluteUrl('https://bqn.vn/', '/tin/', '/2016/06/a/')).toBe('https://bqn.vn/tin/2016/06/a/');
    expect(absoluteUrl('https://bqn.vn/', 'tin', '/')).toBe('https://bqn.vn/tin/');
  });
  test('site URL must be an origin', () => {
    expect(normalizeSiteUrl('https://bqn.vn')).toBe('https://bqn.vn/');
    expect(() => normalizeSiteUrl('bqn.vn')).toThrow(/không hợp lệ/);
    expect(() => normalizeSiteUrl('https://bqn.vn/tin/')).toThrow(/--prefix/);
  });
  test('colliding paths get -2, -3 by file order; a path owned outright is skipped', () => {
    const claim = (file: string, wanted: string) => ({ file, record: file, wanted, aliases: [] });
    const { urls } = assignAddresses(
      [claim('c.txt', '/2020/01/tin/'), claim('a.txt', '/2020/01/tin/'), claim('d.txt', '/2020/01/tin-2/'), claim('b.txt', '/2020/01/tin/'), claim('e.txt', '/2020/02/tin/')],
      EMPTY_LEDGER,
      new Set(),
    );
    expect(Object.fromEntries(urls)).toEqual({
      'a.txt': '/2020/01/tin/',
      'b.txt': '/2020/01/tin-3/',
      'c.txt': '/2020/01/tin-4/',
      'd.txt': '/2020/01/tin-2/',
      'e.txt': '/2020/02/tin/',
    });
  });
});

describe('HTML', () => {
  test('the html tag escapes values but not markup it made', () => {
    const title = `<script>alert("x")</script> & 'y'`;
    expect(html`<h1 title="${title}">${title}</h1>`.value).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</h1>',
    );
    expect(html`<p>${[html`<b>${'<i>'}</b>`, raw('<br>'), null, false, 3]}</p>`.value).toBe('<p><b>&lt;i&gt;</b><br>3</p>');
    expect(escapeHtml('a&b')).toBe('a&amp;b');
  });

  test('JSON-LD cannot close its script element and parses back to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const script = jsonLdScript(data).value;
    const body = script.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(body).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(body)).toEqual(data);
  });

  test('heading ids are Vietnamese slugs, unique', () => {
    expect(headingIds(['Hướng về cơ sở', 'Hướng về cơ sở', 'Đường đi', '!!!'])).toEqual([
      'huong-ve-co-so',
      'huong-ve-co-so-2',
      'duong-di',
      'muc',
    ]);
  });

  test('page titles fit in 70 written characters', () => {
    expect(pageTitle('Lý Sơn vào mùa thu hoạch tỏi', 'Báo Quảng Ngãi')).toBe('Lý Sơn vào mùa thu hoạch tỏi - Báo Quảng Ngãi');
    const long = 'Lễ Khao lề thế lính Hoàng Sa: Nghi lễ thiêng giữa biển khơi của người dân huyện đảo';
    expect(pageTitle(long, 'Báo Quảng Ngãi')).toBe('Lễ Khao lề thế lính Hoàng Sa: Nghi lễ thiêng giữa biển khơi của người…');
    expect(escapeHtml(pageTitle('&'.repeat(40) + ' x', 'B')).length).toBeLessThanOrEqual(70);
  });
});
