import type { PagedTemplate, PageTemplate } from './context.ts';

/** Which pages a run renders, by key: `name` for a one-page template, `name url` for a page of a paged one. */
export type PageKeep = (key: string) => boolean;

function isPaged(template: PageTemplate | PagedTemplate): template is PagedTemplate {
  return 'pages' in template;
}

/**
 * The Eleventy virtual template of the site template `name`, with only the pages `keep` accepts
 * (every page without it), or undefined when it keeps none of a one-page template: how several
 * site-pages workers share out the thousands of listing pages of a big archive. Given `planned`,
 * the descriptions of the pages to render, a paged template renders those and describes none
 * anew: an update renders a few pages of a big archive's tens of thousands, as it planned them.
 *
 * A paged template's pages become Eleventy pagination over `corpus.entries`, one item a page,
 * whose `before` swaps those items for the template's page descriptions; the pages `keep` rejects
 * are dropped there, before Eleventy paginates, so they cost nothing. (Eleventy shares one
 * permalink behaviour among a template's pages, so `permalink: false` cannot drop single pages.)
 */
export function eleventyTemplate(name: string, template: PageTemplate | PagedTemplate, keep: PageKeep = () => true, planned?: readonly unknown[]): PageTemplate | undefined {
  if (!isPaged(template)) return keep(name) ? template : undefined;
  const { alias, pages, data, render } = template;
  return {
    data: {
      ...data,
      pagination: {
        data: 'corpus.entries',
        size: 1,
        alias,
        before: (_entries: unknown[], pageData: Parameters<typeof pages>[0]) => planned ?? pages(pageData).filter((page) => keep(`${name} ${page.url}`)),
      },
    },
    render,
  };
}
