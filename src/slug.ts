import slugify from '@sindresorhus/slugify';

/** URL slug for Vietnamese text: no diacritics (`đ` → `d`), lower case, hyphens. */
export function slug(text: string): string {
  return slugify(text.normalize('NFC'));
}
