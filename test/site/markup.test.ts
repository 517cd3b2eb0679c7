import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { memoized } from '../../src/markup/memo.ts';
import { articleColumn } from '../../templates/layout.ts';
import { photo } from '../../templates/partials/photo.ts';

const STYLE = readFileSync(new URL('../../templates/style.css', import.meta.url), 'utf8');

describe('memoized', () => {
  test('calls the function once per distinct arguments: objects by identity, other values by value', () => {
    const calls: unknown[][] = [];
    const card = memoized((entry: { title: string }, featured: boolean) => {
      calls.push([entry, featured]);
      return `${entry.title}${featured ? '!' : ''}`;
    });
    const story = { title: 'Tin' };
    expect(card(story, false)).toBe('Tin');
    expect(card(story, false)).toBe('Tin');
    expect(card(story, true)).toBe('Tin!');
    expect(card({ title: 'Tin' }, false)).toBe('Tin');
    expect(calls).toEqual([
      [story, false],
      [story, true],
      [{ title: 'Tin' }, false],
    ]);
  });

  test('null, undefined and a missing argument are different inputs; a result of undefined is remembered', () => {
    let calls = 0;
    const show = memoized((...args: unknown[]) => {
      calls++;
      return args.length === 0 ? undefined : args.map(String).join();
    });
    expect([show(null), show(undefined), show(), show(null), show(undefined), show()]).toEqual([
      'null',
      'undefined',
      undefined,
      'null',
      'undefined',
      undefined,
    ]);
    expect(calls).toBe(3);
  });
});

describe('the article column', () => {
  test("style.css's --measure is the one templates/layout.ts writes the photo sizes for, and sets the column", () => {
    expect(STYLE).toContain(`--measure: ${articleColumn.measure};`);
    // An article's `main` (base.ts gives it the class): listings and the front page use the wider frame.
    expect(/main\.article-page[^{]*\{[^}]*max-width: calc\(var\(--measure\) \+ 2rem\);/.exec(STYLE)).not.toBeNull();
  });

  test('a photo offers its files with the sizes of templates/layout.ts; the first is fetched at once, the rest lazily', () => {
    const encoded = {
      sources: [{ type: 'image/webp', srcset: '/img/a-480.webp 480w, /img/a-960.webp 960w' }],
      fallback: { src: '/img/a-960.jpeg', srcset: '/img/a-480.jpeg 480w, /img/a-960.jpeg 960w', width: 960, height: 540 },
      shareImage: '/img/a-960.jpeg',
    };
    const sizes = articleColumn.photoSizes;
    expect(photo('Cảnh "đẹp"', encoded, true).value).toBe(
      `<figure class="photo"><picture><source type="image/webp" srcset="/img/a-480.webp 480w, /img/a-960.webp 960w" sizes="${sizes}">` +
        `<img src="/img/a-960.jpeg" srcset="/img/a-480.jpeg 480w, /img/a-960.jpeg 960w" sizes="${sizes}" width="960" height="540" alt="Cảnh &quot;đẹp&quot;" loading="eager" decoding="async" fetchpriority="high">` +
        '</picture><figcaption>Cảnh &quot;đẹp&quot;</figcaption></figure>',
    );
    expect(photo('Cảnh', encoded, false).value).toContain('loading="lazy" decoding="async"></picture>');
    expect(photo('Cảnh <b>', null, false).value).toBe('<figure class="photo no-image"><figcaption>Cảnh &lt;b&gt;</figcaption></figure>');
  });
});
