import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import type { Redirect } from '../../src/corpus/lifecycle.ts';
import { html } from '../../src/markup/html.ts';

interface RedirectData extends PageData {
  redirect: Redirect & { url: string };
}

/**
 * Every old address of a story (its title, date or `slug:` fixed since, or an `aliases:` entry): a
 * page that sends the reader on at once. A 0-second refresh works on every static host and search
 * engines treat it as a permanent redirect; `canonical` names the story's address, `noindex` keeps
 * the old one out of results. The refresh and canonical are absolute: the path prefix is not added
 * to a `content` attribute.
 */
export function redirectTemplate(ctx: SiteContext): PagedTemplate<RedirectData['redirect'], RedirectData> {
  const { site } = ctx;
  return {
    alias: 'redirect',
    pages: ({ corpus }) => corpus.lifecycle.redirects.map((redirect) => ({ ...redirect, url: redirect.from })),
    data: { permalink: (data: RedirectData) => data.redirect.url, eleventyExcludeFromCollections: true },
    render({ redirect }) {
      const target = ctx.absolute(redirect.to);
      return html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bài viết đã chuyển địa chỉ – ${site.name}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${target}">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<main>
<p>Bài viết đã chuyển sang địa chỉ mới: <a href="${redirect.to}">${target}</a></p>
</main>
</body>
</html>
`.value;
    },
  };
}

interface RedirectsFileData extends PageData {
  redirects: { url: string; redirects: readonly Redirect[] };
}

/** `/_redirects`: the same redirects, permanent, for hosts that read the file (Netlify, Cloudflare Pages); paths carry the prefix. */
export function redirectsFileTemplate(ctx: SiteContext): PagedTemplate<RedirectsFileData['redirects'], RedirectsFileData> {
  const path = (url: string) => new URL(ctx.absolute(url)).pathname;
  return {
    alias: 'redirects',
    pages: ({ corpus }) => [{ url: '/_redirects', redirects: corpus.lifecycle.redirects }],
    data: { permalink: '/_redirects', eleventyExcludeFromCollections: true },
    render: ({ redirects }) => redirects.redirects.map(({ from, to }) => `${path(from)} ${path(to)} 301\n`).join(''),
  };
}
