/**
 * `tsx bench/search-index.ts SITE_DIR`: the build's search indexing step alone, on a site already built
 * with --no-search. The build knows its article pages and their dates; here they are read back from the
 * pages (each article page's dateline), which is not timed: the time printed is `writeSearchIndex`'s.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeSearchIndex } from '../src/search/search-index.ts';
import { searchTiers, type SearchPage } from '../src/search/search-tiers.ts';

const DATELINE = /<article[^>]*data-pagefind-body[\s\S]*?<time datetime="([^"]+)"/;

async function articlePages(siteDir: string): Promise<SearchPage[]> {
  const pages: SearchPage[] = [];
  for (const file of (await readdir(siteDir, { recursive: true })).filter((name) => name.endsWith('index.html')).sort()) {
    const date = DATELINE.exec(await readFile(path.join(siteDir, file), 'utf8'))?.[1];
    if (date) pages.push({ file: file.split(path.sep).join('/'), date });
  }
  return pages;
}

const [siteDir] = process.argv.slice(2);
if (!siteDir) throw new Error('usage: tsx bench/search-index.ts SITE_DIR');
const tiers = searchTiers(await articlePages(siteDir));
const started = performance.now();
await writeSearchIndex(siteDir, tiers);
console.log(`${tiers.map((tier) => `${tier.name}: ${tier.files.length}`).join(', ')} pages; writeSearchIndex ${((performance.now() - started) / 1000).toFixed(2)} s`);
