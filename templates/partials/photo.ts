import type { Block } from '../../src/article.ts';
import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { EncodedPhoto, ImageStore } from '../../src/markup/images.ts';
import { articleColumn } from '../layout.ts';

/**
 * A photo of the story with its caption, or the caption alone when the photo has no file. The first
 * photo is fetched at once (it is on screen when the page opens); the others when the reader nears them.
 */
export function photo(caption: string, encoded: EncodedPhoto | null, first: boolean): SafeHtml {
  if (!encoded) return html`<figure class="photo no-image"><figcaption>${caption}</figcaption></figure>`;
  const { sources, fallback } = encoded;
  const sizes = articleColumn.photoSizes;
  return html`<figure class="photo"><picture>${sources.map(
    (source) => html`<source type="${source.type}" srcset="${source.srcset}" sizes="${sizes}">`,
  )}<img src="${fallback.src}" srcset="${fallback.srcset}" sizes="${sizes}" width="${fallback.width}" height="${fallback.height}" alt="${caption}" loading="${first ? 'eager' : 'lazy'}" decoding="async"${first ? html` fetchpriority="high"` : ''}></picture><figcaption>${caption}</figcaption></figure>`;
}

/**
 * Each photo of the story made at the widths the column needs (`articleColumn.photoWidths`), in
 * reading order; null for a photo without a file. One after another, so the first unreadable file is the one reported.
 */
export async function encodePhotos(images: ImageStore, entry: ArticleEntry, blocks: readonly Block[]): Promise<(EncodedPhoto | null)[]> {
  const photos: (EncodedPhoto | null)[] = [];
  for (const block of blocks) {
    if (block.kind !== 'figure') continue;
    const index = photos.length;
    const source = entry.photos[index];
    photos.push(source ? await images.encode(source, { file: entry.file, line: block.line }, entry.photoIds[index] ?? undefined) : null);
  }
  return photos;
}
