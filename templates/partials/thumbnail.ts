import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { EncodedPhoto, ImageStore } from '../../src/markup/images.ts';
import { memoized } from '../../src/markup/memo.ts';

/**
 * How wide a listing's thumbnail and the front page's lead photo are drawn (style.css, `.thumb` and
 * `.lead-photo`): the browser picks from the photo's files (the article page's, so a thumbnail costs
 * no encoding of its own) before the stylesheet arrives.
 */
export const THUMB_SIZES = '(min-width: 48rem) 10rem, 7.5rem';
export const LEAD_PHOTO_SIZES = '(min-width: 64rem) 48rem, 100vw';

/**
 * The story's first photo that has a file, as the article page encodes it; null for a story without
 * one. An unreadable file is left to the article page, which reports it at its caption's line: a
 * listing just shows no thumbnail. Once per story and store, so a card drawn in five listings is one object.
 */
export const firstPhoto = memoized(async function firstPhoto(images: ImageStore, entry: ArticleEntry): Promise<EncodedPhoto | null> {
  const index = entry.photos.findIndex((photo) => photo !== null);
  if (index < 0) return null;
  try {
    return await images.encode(entry.photos[index]!, { file: entry.file, line: 1 }, entry.photoIds[index] ?? undefined);
  } catch {
    return null;
  }
});

/** The first photos of `entries`, by story. */
export async function firstPhotos(images: ImageStore, entries: readonly ArticleEntry[]): Promise<Map<ArticleEntry, EncodedPhoto | null>> {
  return new Map(await Promise.all(entries.map(async (entry) => [entry, await firstPhoto(images, entry)] as const)));
}

/**
 * A photo beside or above a headline: `alt=""`, as the headline says what it shows; its size set so
 * nothing moves when it arrives; fetched at once only where it opens the page.
 */
export function storyPhoto(encoded: EncodedPhoto, className: 'thumb' | 'lead-photo', sizes: string, eager: boolean): SafeHtml {
  const { sources, fallback } = encoded;
  return html`<picture class="${className}">${sources.map((source) => html`<source type="${source.type}" srcset="${source.srcset}" sizes="${sizes}">`)}<img src="${fallback.src}" srcset="${fallback.srcset}" sizes="${sizes}" width="${fallback.width}" height="${fallback.height}" alt="" loading="${eager ? 'eager' : 'lazy'}" decoding="async"${eager ? html` fetchpriority="high"` : ''}></picture>`;
}
