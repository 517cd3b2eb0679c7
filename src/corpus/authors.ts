import { slug } from '../slug.ts';

/**
 * The writers an article credits: `article.author` may name several, separated by `, ` or ` - `
 * (`MINH ANH - THANH HÀ`). Each is credited on its own; the same name twice counts once.
 */
export function authorNames(author: string | null): string[] {
  if (!author) return [];
  const names = author
    .split(/\s*,\s+|\s+[-–]\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '' && slug(name) !== '');
  return [...new Map(names.map((name) => [slug(name), name])).values()];
}

/** `/tac-gia/x-thien/`: one page per writer; spellings that slug alike share it. */
export function authorUrl(name: string): string {
  return `/tac-gia/${slug(name)}/`;
}
