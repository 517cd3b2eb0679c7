import type { Article } from '../article.ts';
import { warning, type Issue } from '../parser/issue.ts';
import { slug as slugify } from '../slug.ts';
import { vietnamDay } from '../markup/filters.ts';

/** `/2016/06/slug/`: the month is the article's month in Vietnam time, not UTC. */
export function articlePath(date: string, slug: string): string {
  return `${vietnamDay(date).slice(0, 7).replace('-', '/')}/${slug}`;
}

export function articleUrl(path: string): string {
  return `/${path}/`;
}

/** `https://site/prefix/` + a site-relative URL such as `/2016/06/slug/`. */
export function absoluteUrl(siteUrl: string, pathPrefix: string, url: string): string {
  const prefix = `/${pathPrefix.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return new URL(`${prefix}${url.replace(/^\/+/, '')}`, siteUrl).toString();
}

export interface PathClaim {
  file: string;
  path: string;
}

/**
 * Gives every article a unique path. Articles whose `YYYY/MM/slug` collide keep their order by
 * file path: the first keeps the slug, the next get `-2`, `-3`… (skipping any path another
 * article owns outright), so a URL does not change when an unrelated article is added later.
 */
export function uniquePaths(claims: readonly PathClaim[]): Map<string, string> {
  const byFile = [...claims].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const owned = new Set(claims.map((c) => c.path));
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const { file, path } of byFile) {
    let unique = path;
    if (taken.has(path)) {
      let n = 2;
      while (owned.has(`${path}-${n}`) || taken.has(`${path}-${n}`)) n++;
      unique = `${path}-${n}`;
    }
    taken.add(unique);
    result.set(file, unique);
  }
  return result;
}

export interface ArticlePaths {
  /** File → its unique `YYYY/MM/slug` path. */
  paths: Map<string, string>;
  /** A DUPLICATE_SLUG warning for each article whose path had to get a suffix. */
  moved: { file: string; issue: Issue }[];
}

/** Gives every article its unique path, and says which articles had to take a suffix and where they went. */
export function assignArticlePaths(articles: readonly { file: string; article: Pick<Article, 'date' | 'slug' | 'title'> }[]): ArticlePaths {
  const claims = articles.map(({ file, article }) => ({
    file,
    path: articlePath(article.date, article.slug || slugify(article.title) || 'bai-viet'),
  }));
  const paths = uniquePaths(claims);
  const moved = claims.flatMap(({ file, path: wanted }) => {
    const path = paths.get(file)!;
    if (path === wanted) return [];
    const message =
      `Bài khác cùng tháng đã dùng địa chỉ /${wanted}/; bài này được đặt ở /${path}/. ` +
      'Muốn bài có địa chỉ riêng, đặt "slug:" trong khối ghi đè hoặc đổi tiêu đề.';
    return [{ file, issue: warning('DUPLICATE_SLUG', 1, message) }];
  });
  return { paths, moved };
}
