import { slug } from '../slug.ts';

/**
 * An `id` for each heading, from its Vietnamese text (`Hướng về cơ sở` → `huong-ve-co-so`), so a
 * link to a section stays valid across builds. Repeats get `-2`, `-3`; a heading with no letters
 * falls back to `muc`.
 */
export function headingIds(headings: readonly string[]): string[] {
  const used = new Set<string>();
  return headings.map((text) => {
    const base = slug(text) || 'muc';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
