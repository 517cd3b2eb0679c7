/**
 * What publish knows of the objects it wrote, kept in the bucket beside them and written last.
 * The listing of the bucket (ListObjectsV2) is the truth about which objects exist and what their
 * bytes are (size and ETag); the manifest adds only what a listing cannot tell without a HEAD per
 * object: that an object was stored with the headers publish gives it now, and the MD5 of objects
 * whose ETag is not one (server-side encryption with KMS, multipart uploads by other tools).
 *
 * A killed run leaves the previous manifest: every object it names was, at the time, written with
 * its headers, and any object uploaded since is checked again by HEAD, so a stale manifest costs
 * requests but never leaves a wrong object. Gzipped, it is about 10 bytes per published file.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** Relative to the target's prefix; nothing of the site's own `.toa-soan/` folder (the build's state) is published. */
export const MANIFEST_KEY = '.toa-soan/manifest.json.gz';

export interface Manifest {
  /** HEADER_RULES when written. */
  rules: string;
  /** The content type each extension was published with (`.html` → `text/html; charset=utf-8`). */
  types: Record<string, string>;
  /** Every key published, relative to the prefix. */
  keys: Set<string>;
  /** For the keys whose ETag is not the MD5 of their bytes: that ETag and the MD5. */
  odd: Map<string, { etag: string; md5: string }>;
}

interface ManifestJson {
  format: 1;
  rules: string;
  types: Record<string, string>;
  keys: string[];
  odd: Record<string, [string, string]>;
}

/** Sorted keys, so that two publishes of the same site write the same bytes. */
export function encodeManifest(manifest: Manifest): Buffer {
  const json: ManifestJson = {
    format: 1,
    rules: manifest.rules,
    types: Object.fromEntries(Object.entries(manifest.types).sort(([a], [b]) => (a < b ? -1 : 1))),
    keys: [...manifest.keys].sort(),
    odd: Object.fromEntries([...manifest.odd].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, { etag, md5 }]) => [key, [etag, md5]])),
  };
  // Node writes no time into the gzip header: the same manifest gives the same bytes.
  return gzipSync(JSON.stringify(json), { level: 9 });
}

/** The manifest in `bytes`, or null for anything unreadable: then every object is checked again. */
export function decodeManifest(bytes: Buffer): Manifest | null {
  let json: Partial<ManifestJson>;
  try {
    json = JSON.parse(gunzipSync(bytes).toString('utf8')) as Partial<ManifestJson>;
  } catch {
    return null;
  }
  if (json.format !== 1 || typeof json.rules !== 'string' || !Array.isArray(json.keys) || typeof json.types !== 'object' || typeof json.odd !== 'object') {
    return null;
  }
  return {
    rules: json.rules,
    types: { ...json.types },
    keys: new Set(json.keys.filter((key) => typeof key === 'string')),
    odd: new Map(Object.entries(json.odd ?? {}).map(([key, [etag, md5]]) => [key, { etag, md5 }])),
  };
}
