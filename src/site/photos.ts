import path from 'node:path';

/** In order of preference; upper case too, as cameras and Windows tools write `.JPG`. */
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.JPG', '.JPEG', '.PNG', '.WEBP'] as const;

/**
 * The image file for each of an article's photos, in photo order, or null where there is none.
 * An override's `photos:` list wins; otherwise photo k is `NAME-k.jpg` (or .jpeg/.png/.webp)
 * beside `NAME.txt`. `siblings` is the file names in the article's folder (read once per folder).
 */
export function findPhotos(
  articleFile: string,
  photoCount: number,
  listed: readonly string[],
  siblings: ReadonlySet<string>,
): { photos: (string | null)[]; missing: string[] } {
  const dir = path.dirname(articleFile);
  const name = path.basename(articleFile, path.extname(articleFile));
  const photos: (string | null)[] = [];
  const missing: string[] = [];
  for (let k = 1; k <= photoCount; k++) {
    const wanted = listed[k - 1];
    if (wanted !== undefined) {
      if (siblings.has(wanted)) photos.push(path.join(dir, wanted));
      else {
        missing.push(wanted);
        photos.push(null);
      }
      continue;
    }
    const found = PHOTO_EXTENSIONS.map((ext) => `${name}-${k}${ext}`).find((file) => siblings.has(file));
    photos.push(found === undefined ? null : path.join(dir, found));
  }
  return { photos, missing };
}
