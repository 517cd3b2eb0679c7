/**
 * Which of the archive's optional features a build has: related stories, and the section, author
 * and archive (year, month, `/luu-tru/`) listings. All of them, always, except in the benchmark's
 * baseline: `TOA_SOAN_WITHOUT=related,sections,authors,archive` builds the site without the named
 * ones, so `npm run bench` can say what they add to the build time. The build and serve commands
 * read the variable once and pass the features down as data, to workers in their jobs.
 */

export const OPTIONAL_FEATURES = ['related', 'sections', 'authors', 'archive'] as const;
export type OptionalFeature = (typeof OPTIONAL_FEATURES)[number];
export type SiteFeatures = Readonly<Record<OptionalFeature, boolean>>;

/** The features `without` (a `TOA_SOAN_WITHOUT` value) leaves on; a name it does not know is an error, so a typo cannot measure nothing. */
export function parseFeatures(without: string | undefined): SiteFeatures {
  const off = new Set((without ?? '').split(',').map((name) => name.trim()).filter(Boolean));
  for (const name of off) {
    if (!(OPTIONAL_FEATURES as readonly string[]).includes(name)) {
      throw new Error(`TOA_SOAN_WITHOUT: không biết "${name}" (unknown feature); dùng ${OPTIONAL_FEATURES.join(',')}`);
    }
  }
  return Object.fromEntries(OPTIONAL_FEATURES.map((name) => [name, !off.has(name)])) as Record<OptionalFeature, boolean>;
}

/** Every feature on: what a site has but in the benchmark's baseline. */
export const ALL_FEATURES: SiteFeatures = parseFeatures(undefined);
