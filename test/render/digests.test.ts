/**
 * A page's digest must change whenever what it reads does, or an update keeps a stale page: random
 * plain values digest equal exactly when their JSON texts are equal, stories and long lists included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleEntry } from '../../src/corpus/corpus.ts';
import { Digests, outputFileOf, STORY_FIELDS } from '../../src/render/page-inputs.ts';
import { contentPathsIn } from '../../src/corpus/content-path.ts';

// As the parse cache names an article: a title of other bytes has another key.
const story = (title: string, url = '/2016/06/bai/') =>
  new ArticleEntry('content/thoi-su/bai.txt', { title, date: '2016-06-11T07:38:00+07:00', lead: 'Tin.', headings: [], captions: [], photos: [], slug: 'bai', section: null } as never, url, [], `key of ${title}`, []);

describe('Digests', () => {
  it('two plain values digest alike exactly when their JSON texts are alike', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(new Digests().of(a) === new Digests().of(b)).toBe(same);
        // The same Digests for both: what one remembered must not stand in for the other.
        const digests = new Digests();
        expect(digests.of(a) === digests.of(b)).toBe(same);
      }),
      { numRuns: 500 },
    );
  });

  it('a long list of values, nested or not, changes its digest when one item changes', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 9, maxLength: 30 }), fc.nat(), fc.jsonValue(), (items, at, replacement) => {
        const i = at % items.length;
        const changed = items.with(i, replacement);
        const digests = new Digests();
        const same = JSON.stringify(items) === JSON.stringify(changed);
        expect(digests.of({ items }) === digests.of({ items: changed })).toBe(same);
        expect(digests.of(items) === digests.of(changed)).toBe(same);
      }),
    );
  });

  it('a story is digested by what names it, wherever it is read', () => {
    const digests = new Digests();
    const a = story('Mưa lớn ở Quảng Ngãi');
    const fixed = story('Mưa lớn ở Quảng Ngãi.');
    const moved = story('Mưa lớn ở Quảng Ngãi', '/2016/06/bai-2/');
    expect(digests.of(a)).toBe(new Digests().of(story('Mưa lớn ở Quảng Ngãi')));
    expect(digests.of(a)).not.toBe(digests.of(fixed));
    expect(digests.of(a)).not.toBe(digests.of(moved));
    expect(digests.of({ related: [a] })).not.toBe(digests.of({ related: [fixed] }));
    const many = (last: ArticleEntry) => ({ items: [...Array.from({ length: 12 }, (_, i) => story(`Tin ${i}`)), last] });
    expect(digests.of(many(a))).not.toBe(digests.of(many(fixed)));
  });

  it('a story is digested by every field but its article, which its parse cache key names', () => {
    const entry = story('Tin');
    expect(Object.keys(entry).filter((field) => field !== 'article').sort()).toEqual([...STORY_FIELDS].sort());
    const digests = new Digests();
    for (const field of STORY_FIELDS) {
      const changed = Object.assign(Object.create(ArticleEntry.prototype) as ArticleEntry, entry, { [field]: field === 'photos' || field === 'photoIds' ? ['x'] : 'x' });
      expect(digests.of(changed), field).not.toBe(digests.of(entry));
    }
  });

  it("names a story's files by their paths in the content folder, so a folder checked out elsewhere changes no digest", () => {
    const at = (content: string, photo = 'thoi-su/bai-1.jpg') =>
      new ArticleEntry(`${content}/thoi-su/bai.txt`, story('Tin').article, '/2016/06/bai/', [`${content}/${photo}`, null], 'key', ['p1', null]);
    const digestIn = (content: string, photo?: string) => new Digests(contentPathsIn(content)).of(at(content, photo));
    expect(digestIn('/srv/bao/content')).toBe(digestIn('content'));
    expect(digestIn('content', 'thoi-su/bai-2.jpg')).not.toBe(digestIn('content'));
    expect(new Digests().of(at('/srv/bao/content'))).not.toBe(new Digests().of(at('content')));
  });

  it('takes a remembered digest for a story not yet digested, never over one it made', () => {
    const digests = new Digests();
    const [a, b] = [story('Tin'), story('Tin khác')];
    digests.remember(a, 'as the build before made it');
    expect(digests.of(a)).toBe('as the build before made it');
    expect(digests.of({ related: [a] })).toContain('as the build before made it');
    const made = digests.of(b);
    digests.remember(b, 'another');
    expect(digests.of(b)).toBe(made);
  });

  it("a value's text is its JSON with each story and each long list written as its digest", () => {
    const stories = Array.from({ length: 5 }, (_, i) => story(`Tin ${i}`));
    const digests = new Digests();
    // The rule, as JSON.stringify's replacer: what Digests writes without calling one for every value.
    const reference = (value: unknown) =>
      JSON.stringify(value, (_key, item: unknown) => (item instanceof ArticleEntry || (Array.isArray(item) && item.length > 8) ? digests.of(item) : item)) ?? 'u';
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.jsonValue({ maxDepth: 1 }),
        fc.constantFrom(...stories, undefined, new Date(Date.UTC(2016, 5, 11)), { toJSON: () => 'tự viết' }),
        fc.array(tie('value'), { maxLength: 12 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, (item) => {
        expect(digests.text(item)).toBe(reference(item));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses what a page cannot read: functions, Maps and Sets', () => {
    const digests = new Digests();
    expect(() => digests.of({ render: () => '' })).toThrow(/function/);
    expect(() => digests.of({ byUrl: new Map() })).toThrow(/Map or a Set/);
    expect(() => digests.of([new Set()])).toThrow(/Map or a Set/);
  });
});

describe('outputFileOf', () => {
  it('is the file Eleventy writes for any address: index.html in a folder for one ending in /', () => {
    const address = fc.array(fc.constantFrom('/', 'a', 'b', '.', 'x.xml', '2016', 'đ'), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(address, (url) => {
        const relative = url.replace(/^\/+/, '');
        expect(outputFileOf(url)).toBe(relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
      }),
      { numRuns: 2000 },
    );
  });
});
