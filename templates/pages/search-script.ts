import { readFileSync } from 'node:fs';
import type { PageTemplate } from '../../src/render/context.ts';
import { foldVietnamese } from '../../src/text/fold.ts';

/**
 * `/search.js`: the search page's script, with the very function that folded the index's words put in
 * front of it, so a query and the pages it should find are folded alike.
 */
export function searchScriptTemplate(): PageTemplate {
  const script = `${foldVietnamese.toString()}\n\n${readFileSync(new URL('../search.js', import.meta.url), 'utf8')}`;
  return {
    data: { permalink: '/search.js', eleventyExcludeFromCollections: true },
    render: () => script,
  };
}
