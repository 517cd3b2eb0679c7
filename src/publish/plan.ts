/**
 * The pure core of publish: from the files of the built site, the objects listed in the bucket and
 * the manifest of the last publish, what to upload, what to check, what to delete, and in which
 * order. Keys here are relative to the target's prefix; nothing outside it is ever named.
 */
import { contentType, extensionOf, HEADER_RULES, isContentHashed } from './headers.ts';
import { MANIFEST_KEY, type Manifest } from './manifest.ts';

export interface LocalFile {
  /** The path below the output folder with `/` separators: `2016/06/bai/index.html`. */
  key: string;
  size: number;
  /** Hex MD5 of the bytes: the ETag S3 gives an object uploaded in one part without KMS. */
  md5: string;
}

export interface StoredObject {
  key: string;
  size: number;
  /** Without its quotes. */
  etag: string;
}

/** `headers`: same bytes, stored with other headers (by another tool, or under older rules). */
export type UploadReason = 'new' | 'changed' | 'headers';

export interface Upload {
  key: string;
  reason: UploadReason;
}

export interface Plan {
  uploads: Upload[];
  /** Same bytes in the bucket, but no manifest vouches for their headers: one HEAD each decides. */
  unverified: string[];
  unchanged: string[];
  /** Objects below the prefix that the site no longer has. */
  deletions: string[];
}

/** Whether the stored object holds the local file's bytes, by ETag or by the MD5 the manifest kept. */
export function sameBytes(file: LocalFile, stored: StoredObject, manifest: Manifest | null): boolean {
  if (stored.size !== file.size) return false;
  if (stored.etag === file.md5) return true;
  const odd = manifest?.odd.get(file.key);
  return odd !== undefined && odd.etag === stored.etag && odd.md5 === file.md5;
}

/** Whether the manifest says the object was stored with the headers publish gives it now. */
export function knownHeaders(key: string, manifest: Manifest | null): boolean {
  return manifest !== null && manifest.rules === HEADER_RULES && manifest.keys.has(key) && manifest.types[extensionOf(key)] === contentType(key);
}

/**
 * Photos' files and records (src/markup/images.ts): named by the photo and the encoding settings,
 * so an object of that name already holds these bytes, and one the site no longer uses may still
 * be linked from a page some reader or cache keeps. Never uploaded twice, never deleted.
 */
const PHOTO_OBJECTS = 'img/';

export function isPhotoObject(key: string): boolean {
  return key.startsWith(PHOTO_OBJECTS);
}

export function planPublish(files: readonly LocalFile[], stored: readonly StoredObject[], manifest: Manifest | null): Plan {
  const storedByKey = new Map(stored.map((object) => [object.key, object]));
  const plan: Plan = { uploads: [], unverified: [], unchanged: [], deletions: [] };
  for (const file of files) {
    const object = storedByKey.get(file.key);
    if (!object) plan.uploads.push({ key: file.key, reason: 'new' });
    else if (isPhotoObject(file.key)) plan.unchanged.push(file.key);
    else if (!sameBytes(file, object, manifest)) plan.uploads.push({ key: file.key, reason: 'changed' });
    else if (knownHeaders(file.key, manifest)) plan.unchanged.push(file.key);
    else plan.unverified.push(file.key);
  }
  const local = new Set(files.map((file) => file.key));
  plan.deletions = stored.map((object) => object.key).filter((key) => !local.has(key) && key !== MANIFEST_KEY && !isPhotoObject(key));
  return plan;
}

/** `2016/06/bai/index.html`, but not a month's second listing page `2016/06/trang/2/index.html`. */
const ARTICLE_PAGE = /^\d{4}\/\d{2}\/(?!trang\/)[^/]+\/index\.html$/;

/**
 * 0: files pages use (images, the stylesheet, scripts, search fragments); 1: article pages;
 * 2: what leads readers to them: listings and every other page, feeds, sitemaps, robots.txt and
 * the search entry point, which names the hashed index files it loads.
 */
export function uploadRank(key: string): 0 | 1 | 2 {
  if (ARTICLE_PAGE.test(key)) return 1;
  if (key.endsWith('.html') || key.endsWith('.xml') || key === 'robots.txt') return 2;
  if (key.startsWith('pagefind/') && !isContentHashed(key)) return 2;
  return 0;
}

/**
 * The uploads in batches, each finished before the next starts, so that no reader follows a link
 * to an object not there yet. New objects go first: nothing published links to them until a changed
 * page does. Within new and within changed objects, what a page uses goes before the page, and
 * article pages before the listings, feeds and sitemaps that lead to them. Deletions come after all
 * of these, since the old pages that linked to the deleted objects have been replaced by then.
 */
export function uploadBatches(uploads: readonly Upload[]): string[][] {
  const batches = new Map<number, string[]>();
  for (const upload of uploads) {
    const order = (upload.reason === 'new' ? 0 : 3) + uploadRank(upload.key);
    const batch = batches.get(order) ?? [];
    batch.push(upload.key);
    batches.set(order, batch);
  }
  return [...batches.entries()].sort(([a], [b]) => a - b).map(([, keys]) => keys.sort());
}
