import type { SiteContext } from '../../src/render/context.ts';
import { html, type SafeHtml } from '../../src/markup/html.ts';
import { jsonLdScript } from '../../src/markup/json-ld.ts';
import { ICONS } from '../pages/icons.ts';
import { footer } from '../partials/footer.ts';
import { masthead, type NavLink } from '../partials/masthead.ts';

/** What a page says about itself in `<head>`: title, description, canonical URL and share data. */
export interface PageHead {
  /** The full `<title>`. */
  title: string;
  /** The page's own title for sharing (Open Graph) when it differs from `<title>`. */
  headline?: string;
  description: string;
  /** Site-relative URL of the page; made absolute for the canonical link and Open Graph. */
  url: string;
  type: 'website' | 'article';
  /** Site-relative URL of the share image. */
  image?: string | undefined;
  /** ISO dates for articles. */
  published?: string;
  modified?: string;
  /** Structured data; an array gives one JSON-LD block per item. */
  jsonLd?: unknown;
  /** A feed of this page's own stories (a section's), offered beside the paper's feed. */
  feed?: { title: string; url: string };
  /** Pages that must not be indexed or listed as canonical (the 404 page). */
  noindex?: boolean;
}

/**
 * The HTML shell of every page. Links are written site-relative (`/…`); Eleventy's HTML base
 * plugin adds the path prefix. Canonical and Open Graph URLs are absolute. No JavaScript.
 */
export function basePage(ctx: SiteContext, head: PageHead, main: SafeHtml, sections: readonly NavLink[] = []): string {
  const { site } = ctx;
  const canonical = ctx.absolute(head.url);
  const page = html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${head.title}</title>
<meta name="description" content="${head.description}">
${head.noindex ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${canonical}">`}
<link rel="stylesheet" href="/style.css">
<link rel="icon" href="${ICONS.svg}" type="image/svg+xml">
<link rel="apple-touch-icon" href="${ICONS.appleTouch}">
<link rel="manifest" href="${ICONS.manifest}">
<meta name="theme-color" content="#a3121b">
<link rel="alternate" type="application/atom+xml" title="${site.name}" href="/feed.xml">
${head.feed ? html`<link rel="alternate" type="application/atom+xml" title="${head.feed.title}" href="${head.feed.url}">\n` : ''}<meta property="og:site_name" content="${site.name}">
<meta property="og:locale" content="${site.locale}">
<meta property="og:type" content="${head.type}">
<meta property="og:title" content="${head.headline ?? head.title}">
<meta property="og:description" content="${head.description}">
<meta property="og:url" content="${canonical}">
${head.image ? html`<meta property="og:image" content="${ctx.absolute(head.image)}">\n` : ''}${
    head.published ? html`<meta property="article:published_time" content="${head.published}">\n` : ''
  }${head.modified ? html`<meta property="article:modified_time" content="${head.modified}">\n` : ''}${
    head.jsonLd ? (Array.isArray(head.jsonLd) ? head.jsonLd : [head.jsonLd]).map((data) => html`${jsonLdScript(data)}\n`) : ''
  }</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
${masthead(site, sections, ctx.features.archive)}
<main id="noi-dung"${head.type === 'article' ? html` class="article-page"` : ''}>
${main}
</main>
${footer(site)}
</body>
</html>
`;
  return page.value;
}
