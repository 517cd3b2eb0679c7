import { readFileSync } from 'node:fs';
import { contentPathsIn } from './content-path.ts';
import { slug } from '../slug.ts';

/** A section of the paper: its address part and the name readers see. */
export interface Section {
  slug: string;
  name: string;
  /** Listed in `templates/_data/sections.json`; an unknown section still builds, and `check` warns. */
  known: boolean;
}

/**
 * The paper's sections, slug → Vietnamese name in menu order: the one list the navigation, the
 * section pages and `check` read. JSON keeps the order of keys that are not numbers.
 */
const SECTION_FILE = new URL('../../templates/_data/sections.json', import.meta.url);
const NAMES: ReadonlyMap<string, string> = new Map(Object.entries(JSON.parse(readFileSync(SECTION_FILE, 'utf8')) as Record<string, string>));
const MENU_ORDER: ReadonlyMap<string, number> = new Map([...NAMES.keys()].map((key, i) => [key, i]));

/** First path parts the site already uses; a section with such a slug gets `muc-` in front so addresses never collide. */
const RESERVED = new Set(['trang', 'tac-gia', 'luu-tru', 'tim-kiem', 'chu-de', 'img', 'pagefind']);

/** The sections of the data file, in menu order. */
export function knownSections(): Section[] {
  return [...NAMES].map(([slug, name]) => ({ slug, name, known: true }));
}

/** The folder right below the content folder that holds `file`, or null for a file directly in it. */
export function sectionFolder(file: string, contentDir: string): string | null {
  return sectionFoldersIn(contentDir)(file);
}

/** `sectionFolder` for the files of one content folder, worked out once for all of them (the archive model asks for every story's). */
export function sectionFoldersIn(contentDir: string): (file: string) => string | null {
  const relative = contentPathsIn(contentDir);
  return (file) => {
    const below = relative(file);
    const slash = below.indexOf('/');
    return slash >= 0 && below.slice(0, slash) !== '..' ? below.slice(0, slash) : null;
  };
}

/** `am-thuc` → `Am Thuc`: a readable name for a folder that the data file does not list. */
function nameFromWords(text: string): string {
  return text
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1))
    .join(' ');
}

/**
 * The section of an article: `section:` from its override block wins (a slug such as `thoi-su` or a
 * name such as `Thời sự`), else its folder; null for an article directly in the content folder.
 */
export function resolveSection(override: string | null, folder: string | null): Section | null {
  const given = override?.trim() || folder;
  if (!given) return null;
  let key = slug(given);
  if (!key) return null;
  if (RESERVED.has(key) || /^\d+$/.test(key)) key = `muc-${key}`;
  const known = NAMES.get(key);
  if (known) return { slug: key, name: known, known: true };
  // A name written out in the override (`Ẩm thực`) is kept as written; a slug-like folder name is made readable.
  const name = /^[a-z0-9-]+$/.test(given) ? nameFromWords(given) : given.trim();
  return { slug: key, name, known: false };
}

/** Menu order: the data file's order, then unknown sections by slug. */
export function compareSections(a: Section, b: Section): number {
  const ia = MENU_ORDER.get(a.slug) ?? Infinity;
  const ib = MENU_ORDER.get(b.slug) ?? Infinity;
  if (ia !== ib) return ia - ib;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

export function sectionUrl(sectionSlug: string): string {
  return `/${sectionSlug}/`;
}
