import type { PageTemplate } from './context.ts';

interface Pagination {
  size?: number;
  before?: (items: unknown[], data: unknown) => unknown[];
  generatePageOnEmptyData?: boolean;
}

/**
 * The template `name`, keeping only the pages whose key `keep` accepts: how several site-pages
 * workers share out the thousands of listing pages of a big archive.
 *
 * A paginated site template paginates page descriptions, one per page (`size: 1`), each with its
 * `url`; the key of a page is `name url`, and the others are dropped before Eleventy paginates, so
 * they cost nothing. (Eleventy shares one permalink behaviour among a template's pages, so
 * `permalink: false` cannot drop single pages.) A template without pagination is one page, kept
 * by the worker that keeps its `name`.
 */
export function onlyPages<T extends PageTemplate>(name: string, template: T, keep: (key: string) => boolean): T | undefined {
  const pagination = template.data.pagination as Pagination | undefined;
  if (!pagination) return keep(name) ? template : undefined;
  if (pagination.size !== 1) {
    throw new Error(`Trang mẫu "${name}": để chia việc cho nhiều tiến trình, mỗi trang phải là một mục phân trang (pagination size 1) có url.`);
  }
  const before = pagination.before ?? ((items: unknown[]) => items);
  const { generatePageOnEmptyData: _emptyPageIsAnyWorkersPage, ...rest } = pagination;
  return {
    ...template,
    data: {
      ...template.data,
      pagination: {
        ...rest,
        before(items: unknown[], data: unknown) {
          return before.call(this, items, data).filter((page) => {
            const url = (page as { url?: unknown }).url;
            if (typeof url !== 'string') throw new Error(`Trang mẫu "${name}": mục phân trang không có url.`);
            return keep(`${name} ${url}`);
          });
        },
      },
    },
  };
}

/**
 * The pagination of a site template with many pages: Eleventy paginates `corpus.entries`, one item
 * a page, and `before` swaps those items for `pages`' page descriptions (each with its `url`), which
 * is the shape `onlyPages` shares out among site-pages workers.
 */
export function pagePerDescription<D>(alias: string, pages: (data: D) => readonly { url: string }[]) {
  return { data: 'corpus.entries', size: 1, alias, before: (_entries: unknown[], data: D) => pages(data) };
}
