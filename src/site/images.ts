import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import Image, { type ImageFormatEntry, type ImageMetadata } from '@11ty/eleventy-img';
import { formatIssue } from '../parser/issue.ts';
import { html, type SafeHtml } from './html.ts';

/** URL folder of every generated image. */
export const IMAGE_URL_PATH = '/img/';
const WIDTHS = [480, 960, 1440];
const FORMATS = ['avif', 'webp', 'jpeg'];
/** The article column is at most about 40rem wide; phones get the full width. */
const SIZES = '(min-width: 44rem) 40rem, 100vw';

export interface Picture {
  markup: SafeHtml;
  /** The JPEG to use as a share image (og:image), site-relative. */
  shareImage: string;
}

/**
 * Makes responsive images with eleventy-img. Images are encoded once into a cache folder kept
 * between builds (file names are content hashes), and only the files a build used are copied
 * into its output, so old photos never leak into a new site and rebuilds do not re-encode.
 */
export class ImageStore {
  readonly #used = new Set<string>();

  constructor(readonly cacheDir: string) {}

  /**
   * The responsive picture for one photo. `where` is the article file and the photo's line, so
   * an unreadable image file is reported to the editor as `FILE:LINE: BAD_PHOTO: …`.
   */
  async picture(source: string, alt: string, eager: boolean, where: { file: string; line: number }): Promise<Picture> {
    let metadata: ImageMetadata;
    try {
      metadata = await Image(source, { widths: WIDTHS, formats: FORMATS, outputDir: this.cacheDir, urlPath: IMAGE_URL_PATH });
    } catch (error) {
      const message =
        `Không đọc được ảnh "${path.basename(source)}" (${error instanceof Error ? error.message : String(error)}). ` +
        'Thay bằng tệp ảnh JPEG, PNG hay WebP hợp lệ, hoặc xoá tệp để chỉ hiện chú thích.';
      throw new Error(formatIssue(where.file, { severity: 'error', code: 'BAD_PHOTO', line: where.line, message }));
    }
    for (const entries of Object.values(metadata)) for (const entry of entries) this.#used.add(entry.filename);
    return { markup: pictureMarkup(metadata, alt, eager), shareImage: shareImage(metadata).url };
  }

  /** Copies every image used since the last call into `<outputDir>/img/`. */
  async copyUsed(outputDir: string): Promise<void> {
    if (this.#used.size === 0) return;
    const target = path.join(outputDir, IMAGE_URL_PATH);
    await mkdir(target, { recursive: true });
    await Promise.all([...this.#used].map((name) => copyFile(path.join(this.cacheDir, name), path.join(target, name))));
    this.#used.clear();
  }
}

function jpegs(metadata: ImageMetadata): ImageFormatEntry[] {
  const list = metadata.jpeg;
  if (!list || list.length === 0) throw new Error('eleventy-img returned no JPEG');
  return list;
}

/** A share image of reasonable size: the largest JPEG up to 1440 px wide. */
function shareImage(metadata: ImageMetadata): ImageFormatEntry {
  return jpegs(metadata).at(-1)!;
}

function pictureMarkup(metadata: ImageMetadata, alt: string, eager: boolean): SafeHtml {
  const fallback = jpegs(metadata);
  const largest = fallback.at(-1)!;
  const sources = FORMATS.filter((format) => format !== 'jpeg' && metadata[format]?.length).map((format) => {
    const entries = metadata[format]!;
    return html`<source type="${entries[0]!.sourceType}" srcset="${entries.map((e) => e.srcset).join(', ')}" sizes="${SIZES}">`;
  });
  return html`<picture>${sources}<img src="${largest.url}" srcset="${fallback.map((e) => e.srcset).join(', ')}" sizes="${SIZES}" width="${largest.width}" height="${largest.height}" alt="${alt}" loading="${eager ? 'eager' : 'lazy'}" decoding="async"${eager ? html` fetchpriority="high"` : ''}></picture>`;
}
