/** `tsx bench/search-index.ts SITE_DIR`: the build's search indexing step alone, on a site already built with --no-search. */
import { writeSearchIndex } from '../src/search/search-index.ts';

const [siteDir] = process.argv.slice(2);
if (!siteDir) throw new Error('usage: tsx bench/search-index.ts SITE_DIR');
await writeSearchIndex(siteDir);
