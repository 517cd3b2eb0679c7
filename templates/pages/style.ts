import { readFileSync } from 'node:fs';
import type { PageTemplate } from '../../src/render/context.ts';

/** `/style.css`: the one hand-written stylesheet, linked from every page (cached once by readers). */
export function styleTemplate(): PageTemplate {
  const css = readFileSync(new URL('../style.css', import.meta.url), 'utf8');
  return {
    data: { permalink: '/style.css', eleventyExcludeFromCollections: true },
    render: () => css,
  };
}
