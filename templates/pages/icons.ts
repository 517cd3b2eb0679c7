import { readFileSync } from 'node:fs';
import type { PageTemplate, SiteContext } from '../../src/render/context.ts';

/**
 * The paper's mark, drawn once in `templates/icons/icon.svg`: the browser tab's icon (the SVG itself),
 * the PNGs a phone puts on its home screen (made from the SVG at build time, so a designer edits one
 * file), and the web app manifest that names them. Every page declares them (layouts/base.ts), under
 * the site's prefix, so no browser asks for `/favicon.ico` at the root of the domain.
 */
const ICON_SVG = new URL('../icons/icon.svg', import.meta.url);

/** The icons' addresses, site-relative: what `<head>` links to and the manifest lists. */
export const ICONS = {
  svg: '/favicon.svg',
  appleTouch: '/apple-touch-icon.png',
  manifest: '/manifest.webmanifest',
  png: [
    { url: '/icon-192.png', size: 192 },
    { url: '/icon-512.png', size: 512 },
  ],
} as const;

/** The SVG rasterised to a square PNG of `size` pixels; sharp makes the same bytes from the same SVG. */
async function pngIcon(svg: Buffer, size: number): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(svg, { density: Math.ceil((72 * size) / 64) })
    .resize(size, size)
    .png()
    .toBuffer();
}

function fileTemplate(url: string, render: () => string | Buffer | Promise<Buffer>): PageTemplate {
  return {
    data: { permalink: url, eleventyExcludeFromCollections: true },
    // Eleventy writes a Buffer as it is: the PNGs are bytes, not text.
    render: render as () => string,
  };
}

/** The manifest: the paper's name, colours and icons, relative to the manifest itself so the prefix needs no rewriting. */
export function webManifest(ctx: SiteContext): string {
  const manifest = {
    name: ctx.site.name,
    short_name: ctx.site.name,
    lang: ctx.site.language,
    start_url: './',
    display: 'browser',
    background_color: '#fffdf8',
    theme_color: '#a3121b',
    icons: [
      ...ICONS.png.map(({ url, size }) => ({ src: `.${url}`, sizes: `${size}x${size}`, type: 'image/png' })),
      { src: `.${ICONS.svg}`, sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** One template per icon file and the manifest, named so site-pages workers can share them out. */
export function iconTemplates(ctx: SiteContext): Record<string, PageTemplate> {
  const svg = readFileSync(ICON_SVG);
  return {
    'icon-svg': fileTemplate(ICONS.svg, () => svg.toString('utf8')),
    'icon-apple-touch': fileTemplate(ICONS.appleTouch, () => pngIcon(svg, 180)),
    ...Object.fromEntries(ICONS.png.map(({ url, size }) => [`icon-${size}`, fileTemplate(url, () => pngIcon(svg, size))])),
    manifest: fileTemplate(ICONS.manifest, () => webManifest(ctx)),
  };
}
