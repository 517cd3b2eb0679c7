import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import Image from '@11ty/eleventy-img';
import { formatIssue } from '../parser/issue.ts';
import { ownedPrefix, removeOrphans } from '../build/orphans.ts';
import { gitBlobId } from '../corpus/file-identity.ts';
import { CACHE_ROOT } from '../corpus/parse-cache.ts';
import { FILE_CONCURRENCY, limiter, mapConcurrently } from '../concurrency.ts';

/** Encoded images, kept between builds (deleting the folder is safe). */
export const IMAGE_CACHE_DIR = path.join(CACHE_ROOT, 'img');

/** URL folder of every generated image. */
export const IMAGE_URL_PATH = '/img/';
/** Folder of the photo records below `IMAGE_URL_PATH`, in the output and on the published site. */
const RECORD_FOLDER = 'rec';

/**
 * How every photo is encoded, chosen by measurement (docs/incremental-build.md, "Photos"): AVIF at
 * effort 2 costs a fifth of the default's time for 30% more bytes, and browsers without AVIF (and
 * share images) take JPEG, so WebP would add time and files for no reader. Widths: the 40rem
 * column at 1× and 2×; a photo narrower than a width gets its own width instead (never upscaled).
 */
export const PHOTO_SETTINGS = {
  /** Modern first: a `<picture>` offers them in this order and the browser takes the first it can show. */
  formats: ['avif', 'jpeg'],
  widths: [640, 1280],
  avif: { quality: 50, effort: 2 },
  jpeg: { quality: 80 },
} as const satisfies PhotoSettings;

/** What sharp is told for each photo (see PHOTO_SETTINGS). */
export interface PhotoSettings {
  formats: readonly ('avif' | 'jpeg')[];
  widths: readonly number[];
  avif: { quality: number; effort: number };
  jpeg: { quality: number };
}

/** The encoder's own versions: another sharp, libvips, libaom or mozjpeg may encode other bytes. */
function encoderVersions(): Record<string, unknown> {
  const require = createRequire(import.meta.resolve('@11ty/eleventy-img'));
  const sharp = require('sharp') as { versions: Record<string, string> };
  const { version } = require('@11ty/eleventy-img/package.json') as { version: string };
  return { ...sharp.versions, eleventyImg: version };
}

/** What changes the files made from a photo: the settings and the encoder. Part of every photo's key. */
export function settingsId(settings: PhotoSettings, versions: Record<string, unknown>): string {
  return sha256(JSON.stringify({ settings, versions }));
}

const SETTINGS_ID = settingsId(PHOTO_SETTINGS, encoderVersions());

/**
 * The name of a photo's encoded files and record: the photo's identity (its git blob id) and the
 * encoding settings, hashed. Another photo or other settings give other names, so a published image
 * object never changes and a settings change never reuses files made under the old settings.
 */
export function photoKey(photoId: string, settings: string = SETTINGS_ID): string {
  return sha256(`${photoId}\0${settings}`).slice(0, 32);
}

/** One encoded file of a photo: `<key>-<width>.<format>` in `img/`. */
export interface PhotoFile {
  name: string;
  format: (typeof PHOTO_SETTINGS.formats)[number];
  width: number;
  height: number;
  bytes: number;
}

/**
 * All a page needs of one photo, published at `img/rec/<key>.json` beside its files: a build that
 * finds it there writes the page without encoding or downloading the photo.
 */
export interface PhotoRecord {
  key: string;
  /** Ordered as `PHOTO_SETTINGS.formats`, each format's widths ascending. */
  files: PhotoFile[];
}

/** Where the record of the photo `key` is, relative to the site's root. */
export function recordFile(key: string): string {
  return `${IMAGE_URL_PATH.slice(1)}${RECORD_FOLDER}/${key}.json`;
}

/** The output paths a record names, relative to the site's root (`img/…`): its files and itself. */
export function recordFiles(record: PhotoRecord): string[] {
  return [...record.files.map((file) => `${IMAGE_URL_PATH.slice(1)}${file.name}`), recordFile(record.key)];
}

/** `text` as the record of the photo `key`, or null when it is not one (cut short, spoilt, another photo's). */
export function parseRecord(text: string, key: string): PhotoRecord | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const record = json as Partial<PhotoRecord> | null;
  if (record?.key !== key || !Array.isArray(record.files) || record.files.length === 0) return null;
  const files: PhotoFile[] = [];
  for (const file of record.files as Partial<PhotoFile>[]) {
    const { name, format, width, height, bytes } = file ?? {};
    if (!PHOTO_SETTINGS.formats.some((known) => known === format) || ![width, height, bytes].every((n) => Number.isInteger(n) && n! > 0)) return null;
    if (name !== `${key}-${width}.${format}`) return null;
    files.push({ name, format: format!, width: width!, height: height!, bytes: bytes! });
  }
  if (!files.some((file) => file.format === 'jpeg')) return null;
  return { key, files };
}

/** One photo's files, ready for `<picture>`: what the markup needs. */
export interface EncodedPhoto {
  /** The AVIF files, their widths as one `srcset`. */
  sources: { type: string; srcset: string }[];
  /** The JPEGs every browser can show: the largest as `src` with its size, all of them as `srcset`. */
  fallback: { src: string; srcset: string; width: number; height: number };
  /** The JPEG to use as a share image (og:image), site-relative. */
  shareImage: string;
}

/** The markup of a photo, from its record alone: the same however the record was found. */
export function encodedPhoto(record: PhotoRecord): EncodedPhoto {
  const url = (file: PhotoFile) => `${IMAGE_URL_PATH}${file.name}`;
  const ofFormat = (format: string) => record.files.filter((file) => file.format === format).sort((a, b) => a.width - b.width);
  const srcset = (files: readonly PhotoFile[]) => files.map((file) => `${url(file)} ${file.width}w`).join(', ');
  const jpegs = ofFormat('jpeg');
  // The largest JPEG, at most as wide as the widest width, is also a share image of reasonable size.
  const largest = jpegs.at(-1)!;
  return {
    sources: PHOTO_SETTINGS.formats
      .filter((format) => format !== 'jpeg' && ofFormat(format).length > 0)
      .map((format) => ({ type: `image/${format}`, srcset: srcset(ofFormat(format)) })),
    fallback: { src: url(largest), srcset: srcset(jpegs), width: largest.width, height: largest.height },
    shareImage: url(largest),
  };
}

/** Folders a photo is encoded into before its files are renamed into the cache: `.staging-<pid>-…`. */
const STAGING_STEM = '.staging-';
/** Records of photos whose files are all in the cache: `records/<key>.json`. */
const RECORDS = 'records';
/** Record requests to the previous site at once: enough to hide its latency, few enough to be polite. */
const PREVIOUS_CONCURRENCY = 8;
const PREVIOUS_TIMEOUT_MS = 30_000;

/** Where a record was found: `published` when on the site as published before, whose files are there already. */
interface FoundRecord {
  record: PhotoRecord;
  published: boolean;
}

export interface ImageStoreOptions {
  /**
   * The site as published before (`build --previous`): an http(s) address or a folder. A photo whose
   * record is there is not encoded, and its files are not written into the output.
   */
  previous?: string | undefined;
  /** Called each time a photo is encoded (not found in the cache nor on the previous site). */
  onEncoded?: (() => void) | undefined;
}

/**
 * Makes responsive images with eleventy-img, each photo once in its life. Its files and record are
 * named by `photoKey`; a build looks for the record in the local cache, then on the site as
 * published before, and encodes only when neither has it. A build's output gets the record of every
 * photo its pages use, and the files of those not published before.
 *
 * eleventy-img reuses an output file whenever a file of that name exists, and sharp writes it in
 * place: a build killed mid-write would leave half an image to be published by every later build.
 * So each photo is encoded into a staging folder of its own, its files renamed into the cache, and
 * its record written last (write, then rename); a later build trusts a record whose files all have
 * the sizes it names, and otherwise encodes again.
 */
export class ImageStore {
  readonly #used = new Map<string, FoundRecord>();
  /** By key: the article page and the feed of one process ask for the same photo. */
  readonly #records = new Map<string, Promise<FoundRecord>>();
  readonly #previous: PreviousSite | null;
  readonly #onEncoded: () => void;
  #encoded = 0;
  /** The cache's files read at once: a site-pages run asks for tens of thousands of photos together, and each read holds a file open. */
  readonly #reading = limiter(FILE_CONCURRENCY);

  constructor(
    readonly cacheDir: string = IMAGE_CACHE_DIR,
    options: ImageStoreOptions = {},
  ) {
    this.#previous = options.previous ? new PreviousSite(options.previous) : null;
    this.#onEncoded = options.onEncoded ?? (() => {});
  }

  /** Photos this store has encoded (found neither in the cache nor on the previous site). */
  get encodedCount(): number {
    return this.#encoded;
  }

  /** Removes the staging folders of processes killed while encoding. */
  removeLeftovers(): Promise<number> {
    return removeOrphans(this.cacheDir, STAGING_STEM);
  }

  /**
   * One photo at each of the settings' widths in each format. `id` is the photo's git blob id when
   * the caller knows it (else the file is read to learn it). `where` is the article file and the
   * photo's line, so an unreadable image file is reported to the editor as `FILE:LINE: BAD_PHOTO: …`.
   */
  async encode(source: string, where: { file: string; line: number }, id?: string): Promise<EncodedPhoto> {
    let found: FoundRecord;
    try {
      const key = photoKey(id ?? gitBlobId(await this.#reading(() => readFile(source))));
      let pending = this.#records.get(key);
      if (!pending) {
        pending = this.#find(source, key);
        this.#records.set(key, pending);
      }
      found = await pending;
    } catch (error) {
      const message =
        `Không đọc được ảnh "${path.basename(source)}" (${error instanceof Error ? error.message : String(error)}). ` +
        'Thay bằng tệp ảnh JPEG, PNG hay WebP hợp lệ, hoặc xoá tệp để chỉ hiện chú thích.';
      throw new Error(formatIssue(where.file, { severity: 'error', code: 'BAD_PHOTO', line: where.line, message }));
    }
    this.#used.set(found.record.key, found);
    return encodedPhoto(found.record);
  }

  async #find(source: string, key: string): Promise<FoundRecord> {
    const cached = await this.#reading(() => this.#cached(key));
    if (cached) return { record: cached, published: false };
    const published = await this.#previous?.record(key);
    if (published) return { record: published, published: true };
    const record = await this.#encode(source, key);
    this.#encoded++;
    this.#onEncoded();
    return { record, published: false };
  }

  #recordPath(key: string): string {
    return path.join(this.cacheDir, RECORDS, `${key}.json`);
  }

  /** The photo's record when it is whole and every file it names is in the cache at its size; else null. */
  async #cached(key: string): Promise<PhotoRecord | null> {
    try {
      const record = parseRecord(await readFile(this.#recordPath(key), 'utf8'), key);
      if (!record) return null;
      for (const file of record.files) {
        const found = await stat(path.join(this.cacheDir, file.name));
        if (!found.isFile() || found.size !== file.bytes) return null;
      }
      return record;
    } catch {
      // No record yet, or a file missing: encoded again.
      return null;
    }
  }

  async #encode(source: string, key: string): Promise<PhotoRecord> {
    await mkdir(path.join(this.cacheDir, RECORDS), { recursive: true });
    const staging = await mkdtemp(path.join(this.cacheDir, ownedPrefix(STAGING_STEM)));
    try {
      const encoded = await Image(source, {
        widths: [...PHOTO_SETTINGS.widths],
        formats: [...PHOTO_SETTINGS.formats],
        sharpAvifOptions: PHOTO_SETTINGS.avif,
        sharpJpegOptions: PHOTO_SETTINGS.jpeg,
        filenameFormat: (_id, _source, width, format) => `${key}-${width}.${format}`,
        outputDir: staging,
        urlPath: IMAGE_URL_PATH,
        // The files are in the cache once renamed there; eleventy-img's own cache would only hold buffers.
        useCache: false,
      });
      const files: PhotoFile[] = [];
      for (const format of PHOTO_SETTINGS.formats) {
        for (const { filename, width, height } of [...(encoded[format] ?? [])].sort((a, b) => a.width - b.width)) {
          const staged = path.join(staging, filename);
          files.push({ name: filename, format, width, height, bytes: (await stat(staged)).size });
          await renameInto(staged, path.join(this.cacheDir, filename));
        }
      }
      const record = parseRecord(JSON.stringify({ key, files }), key);
      if (!record) throw new Error('eleventy-img returned no JPEG');
      const temporary = path.join(staging, 'record.json');
      await writeFile(temporary, JSON.stringify(record));
      await renameInto(temporary, this.#recordPath(key));
      return record;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /**
   * Writes into `outputDir` the record of every photo used since the last call, and the files of
   * those not published before (copied from the cache).
   */
  async writeUsed(outputDir: string): Promise<void> {
    if (this.#used.size === 0) return;
    const folder = path.join(outputDir, IMAGE_URL_PATH);
    await mkdir(path.join(folder, RECORD_FOLDER), { recursive: true });
    // A few at a time: all at once, a run that showed 50,000 photos ran out of file handles (EMFILE).
    await mapConcurrently([...this.#used.values()], FILE_CONCURRENCY, async ({ record, published }) => {
      if (!published) await Promise.all(record.files.map((file) => copyFile(path.join(this.cacheDir, file.name), path.join(folder, file.name))));
      await writeFile(path.join(folder, RECORD_FOLDER, `${record.key}.json`), JSON.stringify(record));
    });
    this.#used.clear();
  }
}

/**
 * The site as published before, asked for photo records. A record it does not have is a photo to
 * encode; so is every record once it could not be reached at all, since asking again would only wait.
 */
class PreviousSite {
  readonly #base: URL | null;
  readonly #folder: string;
  #unreachable = false;
  readonly #limited = limiter(PREVIOUS_CONCURRENCY);

  constructor(location: string) {
    this.#base = /^https?:\/\//i.test(location) ? new URL(location.endsWith('/') ? location : `${location}/`) : null;
    this.#folder = location;
  }

  async record(key: string): Promise<PhotoRecord | null> {
    const relative = recordFile(key);
    // Pages ask for records all at once: each request holds a connection or an open file.
    const text = await this.#limited(() => (this.#base ? this.#fetch(new URL(relative, this.#base)) : readFile(path.join(this.#folder, relative), 'utf8').catch(() => null)));
    return text === null ? null : parseRecord(text, key);
  }

  async #fetch(url: URL): Promise<string | null> {
    if (this.#unreachable) return null;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(PREVIOUS_TIMEOUT_MS) });
      return response.ok ? await response.text() : null;
    } catch {
      this.#unreachable = true;
      return null;
    }
  }


}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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
