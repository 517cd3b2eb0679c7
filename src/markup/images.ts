import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Image, { type ImageFormatEntry, type ImageMetadata } from '@11ty/eleventy-img';
import { formatIssue } from '../parser/issue.ts';
import { ownedPrefix, removeOrphans } from '../build/orphans.ts';
import { CACHE_ROOT } from '../corpus/parse-cache.ts';

/** Encoded images, kept between builds (deleting the folder is safe). */
export const IMAGE_CACHE_DIR = path.join(CACHE_ROOT, 'img');

/** URL folder of every generated image. */
export const IMAGE_URL_PATH = '/img/';
/** Modern formats first: a `<picture>` offers them in this order and the browser takes the first it can show. */
const FORMATS = ['avif', 'webp', 'jpeg'];

/** One photo's files, ready for `<picture>`: what the markup needs and nothing of eleventy-img's. */
export interface EncodedPhoto {
  /** The AVIF and WebP files, each format's widths as one `srcset`. */
  sources: { type: string; srcset: string }[];
  /** The JPEGs every browser can show: the largest as `src` with its size, all of them as `srcset`. */
  fallback: { src: string; srcset: string; width: number; height: number };
  /** The JPEG to use as a share image (og:image), site-relative. */
  shareImage: string;
}

/** Part of every record's key: encoding differently makes new records. */
const encodingKey = (widths: readonly number[]) => JSON.stringify({ WIDTHS: widths, FORMATS, IMAGE_URL_PATH });
/** Folders a photo is encoded into before its files are renamed into the cache: `.staging-<pid>-…`. */
const STAGING_STEM = '.staging-';
/** Records of photos whose files are all in the cache: `records/<sha1 of the photo>.json`. */
const RECORDS = 'records';

/** What the cache knows of one photo: eleventy-img's answer, and the sha1 of each file it made. */
interface ImageRecord {
  metadata: ImageMetadata;
  sha1: Record<string, string>;
}

/**
 * Makes responsive images with eleventy-img. Images are encoded once into a cache folder kept
 * between builds (file names are content hashes), and only the files a build used are copied
 * into its output, so old photos never leak into a new site and rebuilds do not re-encode.
 *
 * eleventy-img reuses an output file whenever a file of that name exists, and sharp writes it in
 * place: a build killed mid-write would leave half an image to be published by every later build.
 * So each photo is encoded into a staging folder of its own and its files renamed into the cache,
 * then a record of their checksums is written (write, then rename); a later build uses the cached
 * files only when the record is whole and every file matches it, and otherwise encodes again.
 */
export class ImageStore {
  readonly #used = new Set<string>();
  /** By the photo's record key: the article page and the feed of one process ask for the same photo. */
  readonly #pictures = new Map<string, Promise<ImageMetadata>>();

  constructor(readonly cacheDir: string = IMAGE_CACHE_DIR) {}

  /** Removes the staging folders of processes killed while encoding. */
  removeLeftovers(): Promise<number> {
    return removeOrphans(this.cacheDir, STAGING_STEM);
  }

  /**
   * One photo encoded at each of `widths` (pixels) in every format. `where` is the article file and the
   * photo's line, so an unreadable image file is reported to the editor as `FILE:LINE: BAD_PHOTO: …`.
   */
  async encode(source: string, widths: readonly number[], where: { file: string; line: number }): Promise<EncodedPhoto> {
    let metadata: ImageMetadata;
    try {
      metadata = await this.#encoded(source, widths);
    } catch (error) {
      const message =
        `Không đọc được ảnh "${path.basename(source)}" (${error instanceof Error ? error.message : String(error)}). ` +
        'Thay bằng tệp ảnh JPEG, PNG hay WebP hợp lệ, hoặc xoá tệp để chỉ hiện chú thích.';
      throw new Error(formatIssue(where.file, { severity: 'error', code: 'BAD_PHOTO', line: where.line, message }));
    }
    for (const entries of Object.values(metadata)) for (const entry of entries) this.#used.add(entry.filename);
    return encodedPhoto(metadata);
  }

  async #encoded(source: string, widths: readonly number[]): Promise<ImageMetadata> {
    const key = createHash('sha1').update(encodingKey(widths)).update(await readFile(source)).digest('hex');
    let metadata = this.#pictures.get(key);
    if (!metadata) {
      metadata = this.#cached(key).then((cached) => cached ?? this.#encode(source, widths, key));
      this.#pictures.set(key, metadata);
    }
    return metadata;
  }

  #recordPath(key: string): string {
    return path.join(this.cacheDir, RECORDS, `${key}.json`);
  }

  /** The photo's metadata when its record is whole and every file it names is in the cache unchanged; else null. */
  async #cached(key: string): Promise<ImageMetadata | null> {
    try {
      const record = JSON.parse(await readFile(this.#recordPath(key), 'utf8')) as ImageRecord;
      const entries = Object.values(record.metadata).flat();
      if (entries.length === 0) return null;
      for (const { filename } of entries) {
        if (sha1(await readFile(path.join(this.cacheDir, filename))) !== record.sha1[filename]) return null;
      }
      return record.metadata;
    } catch {
      // No record yet, or one (or a file) cut short, spoilt or missing: encoded again.
      return null;
    }
  }

  async #encode(source: string, widths: readonly number[], key: string): Promise<ImageMetadata> {
    await mkdir(path.join(this.cacheDir, RECORDS), { recursive: true });
    const staging = await mkdtemp(path.join(this.cacheDir, ownedPrefix(STAGING_STEM)));
    try {
      const encoded = await Image(source, { widths: [...widths], formats: FORMATS, outputDir: staging, urlPath: IMAGE_URL_PATH });
      const metadata: ImageMetadata = {};
      const record: ImageRecord = { metadata, sha1: {} };
      for (const [format, entries] of Object.entries(encoded)) {
        metadata[format] = entries.map(({ outputPath: _staged, ...entry }) => ({ ...entry, outputPath: path.join(this.cacheDir, entry.filename) }));
        for (const { filename } of entries) {
          record.sha1[filename] = sha1(await readFile(path.join(staging, filename)));
          await renameInto(path.join(staging, filename), path.join(this.cacheDir, filename));
        }
      }
      const temporary = path.join(staging, 'record.json');
      await writeFile(temporary, JSON.stringify(record));
      await renameInto(temporary, this.#recordPath(key));
      return metadata;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
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

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Renames `file` to `target`, replacing whatever is there, a folder included. */
async function renameInto(file: string, target: string): Promise<void> {
  try {
    await rename(file, target);
  } catch {
    await rm(target, { recursive: true, force: true });
    await rename(file, target);
  }
}

function encodedPhoto(metadata: ImageMetadata): EncodedPhoto {
  const jpegs = metadata.jpeg;
  if (!jpegs || jpegs.length === 0) throw new Error('eleventy-img returned no JPEG');
  const srcset = (entries: readonly ImageFormatEntry[]) => entries.map((entry) => entry.srcset).join(', ');
  // The largest JPEG, at most as wide as the widest width asked for, is also a share image of reasonable size.
  const largest = jpegs.at(-1)!;
  return {
    sources: FORMATS.filter((format) => format !== 'jpeg' && metadata[format]?.length).map((format) => ({
      type: metadata[format]![0]!.sourceType,
      srcset: srcset(metadata[format]!),
    })),
    fallback: { src: largest.url, srcset: srcset(jpegs), width: largest.width, height: largest.height },
    shareImage: largest.url,
  };
}
