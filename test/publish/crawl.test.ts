/**
 * A crawler's view of the published folder: starting where a visitor or a search engine starts (the home
 * page, robots.txt, and the 404 page the server shows for a missing address), follow every internal link
 * and asset, as the built fixtures would be served under /tin/. Every address reached must be a file of the
 * build (fragments included), every file of the build must be reached (no orphans), every page passes
 * html-validate.
 */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureContent, PREFIX, tempDir } from '../browser/harness.ts';

const ORIGIN = 'https://bao.example.vn';

/** One reference found in a file: where, and the address as written. */
interface Reference {
  from: string;
  url: string;
}

interface Crawl {
  /** Build-relative paths of every file reached, e.g. `index.html`, `trang/2/index.html`, `feed.xml`. */
  reached: Set<string>;
  broken: string[];
}

let siteDir: string;
let contentDir: string;
let crawl: Crawl;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Every address a browser or feed reader would follow from this file. */
function references(file: string, text: string): Reference[] {
  const urls: string[] = [];
  if (file.endsWith('.html') || file.endsWith('.xml')) {
    for (const match of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) urls.push(decodeEntities(match[1]!));
    for (const match of text.matchAll(/\ssrcset="([^"]*)"/g)) {
      for (const candidate of decodeEntities(match[1]!).split(',')) urls.push(candidate.trim().split(/\s+/)[0]!);
    }
    for (const match of text.matchAll(/<loc>([^<]*)<\/loc>/g)) urls.push(decodeEntities(match[1]!));
  }
  if (file.endsWith('.css')) {
    for (const match of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) urls.push(match[1]!);
  }
  if (file.endsWith('.txt')) {
    for (const match of text.matchAll(/^Sitemap:\s*(\S+)/gm)) urls.push(match[1]!);
  }
  if (file.endsWith('.webmanifest')) {
    for (const icon of (JSON.parse(text) as { icons?: { src: string }[] }).icons ?? []) urls.push(icon.src);
  }
  return urls.filter((url) => url !== '').map((url) => ({ from: file, url }));
}

/**
 * The build-relative file a served address maps to, or null when the address is outside the site.
 * `/tin/a/` is `a/index.html`; an address without a trailing slash must name a file.
 */
function fileFor(url: URL): string | null {
  if (url.origin !== ORIGIN || !url.pathname.startsWith(PREFIX)) return null;
  const path = decodeURIComponent(url.pathname.slice(PREFIX.length));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

async function crawlSite(root: string, starts: string[]): Promise<Crawl> {
  const reached = new Set<string>();
  const broken: string[] = [];
  const fragments: { file: string; id: string; from: string }[] = [];
  const ids = new Map<string, Set<string>>();
  const queue: Reference[] = starts.map((url) => ({ from: '(start)', url }));
  while (queue.length > 0) {
    const { from, url } = queue.shift()!;
    const base = from === '(start)' ? `${ORIGIN}${PREFIX}` : `${ORIGIN}${PREFIX}${from}`;
    const resolved = new URL(url, base);
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') continue;
    if (resolved.origin !== ORIGIN) {
      if (/^(127\.|localhost)/.test(resolved.hostname)) broken.push(`${from}: ${url} points at a test address`);
      continue;
    }
    const file = fileFor(resolved);
    if (file === null || !existsSync(join(root, file))) {
      broken.push(`${from}: ${url}${file === null ? ' is outside the site prefix' : ` (no file ${file})`}`);
      continue;
    }
    if (resolved.hash) fragments.push({ file, id: decodeURIComponent(resolved.hash.slice(1)), from });
    if (reached.has(file)) continue;
    reached.add(file);
    if (/\.(html|xml|css|txt|webmanifest)$/.test(file)) {
      const text = await readFile(join(root, file), 'utf8');
      if (file.endsWith('.html')) ids.set(file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]!))));
      queue.push(...references(file, text));
    }
  }
  for (const { file, id, from } of fragments) {
    if (file.endsWith('.html') && !ids.get(file)?.has(id)) broken.push(`${from}: #${id} not found in ${file}`);
  }
  return { reached, broken };
}

beforeAll(async () => {
  contentDir = await fixtureContent();
  siteDir = join(await tempDir('crawl'), '_site');
  await buildSite(contentDir, siteDir, PREFIX, `${ORIGIN}/`);
  // Where visitors and crawlers start; 404.html is what the server answers for any missing address;
  // _redirects is read by the host, addresses.json by the next build.
  crawl = await crawlSite(siteDir, [PREFIX, `${PREFIX}robots.txt`, `${PREFIX}404.html`, `${PREFIX}_redirects`, `${PREFIX}addresses.json`]);
});

afterAll(async () => {
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
  if (siteDir) await rm(join(siteDir, '..'), { recursive: true, force: true });
});

describe('crawling the built fixtures from the home page', () => {
  it('finds no broken link, asset or fragment', () => {
    expect(crawl.broken).toEqual([]);
  });

  it('reaches every file of the build: no orphan page or asset', async () => {
    // The search page's script loads Pagefind's index files; no link leads to them. The build's state is not published.
    const files = (await listFiles(siteDir)).filter((file) => !file.startsWith('pagefind/') && !file.startsWith('.toa-soan/'));
    expect(files.filter((file) => !crawl.reached.has(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(30);
  });

  it('every page reached passes html-validate (recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of [...crawl.reached].filter((f) => f.endsWith('.html')).sort()) {
      const report = await validator.validateString(await readFile(join(siteDir, file), 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** Every http(s) address in the pages' JSON-LD blocks, with the page it is in. */
async function structuredDataAddresses(root: string, pages: string[]): Promise<Reference[]> {
  const found: Reference[] = [];
  const collect = (from: string, value: unknown): void => {
    if (typeof value === 'string' && /^https?:\/\//.test(value)) found.push({ from, url: value });
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) if (key !== '@context') collect(from, inner);
    }
  };
  for (const page of pages) {
    const html = await readFile(join(root, page), 'utf8');
    for (const match of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) collect(page, JSON.parse(match[1]!));
  }
  return found;
}

describe('structured data (JSON-LD) of the pages reached', () => {
  // A site built with --prefix /tin/ has its home at https://bao.example.vn/tin/, not at the bare origin.
  it('points only at addresses of the built site', async () => {
    const pages = [...crawl.reached].filter((file) => file.endsWith('.html'));
    const addresses = await structuredDataAddresses(siteDir, pages);
    expect(addresses.length).toBeGreaterThan(pages.length);
    const outside = addresses.filter(({ url }) => {
      const file = fileFor(new URL(url));
      return file === null || !existsSync(join(siteDir, file));
    });
    expect([...new Set(outside.map(({ url }) => url))]).toEqual([]);
  });
});

describe('the crawler itself', () => {
  it('reports a missing page, a missing fragment and an orphan file', async () => {
    const copy = join(await tempDir('crawl-broken'), '_site');
    await cp(siteDir, copy, { recursive: true });
    await rm(join(copy, 'trang/2/index.html'));
    await writeFile(join(copy, 'mo-coi.html'), '<!doctype html><title>x</title>');
    const index = await readFile(join(copy, 'index.html'), 'utf8');
    await writeFile(join(copy, 'index.html'), index.replace('href="#noi-dung"', 'href="#khong-co"'));
    const result = await crawlSite(copy, [PREFIX, `${PREFIX}robots.txt`, `${PREFIX}404.html`]);
    await rm(join(copy, '..'), { recursive: true, force: true });
    expect(result.broken).toContain('index.html: /tin/trang/2/ (no file trang/2/index.html)');
    expect(result.broken).toContain('index.html: #khong-co not found in index.html');
    expect(result.reached.has('mo-coi.html')).toBe(false);
  });

  it('maps addresses under the prefix to files, folders to their index.html', () => {
    expect(fileFor(new URL(`${ORIGIN}/tin/`))).toBe('index.html');
    expect(fileFor(new URL(`${ORIGIN}/tin/trang/2/`))).toBe('trang/2/index.html');
    expect(fileFor(new URL(`${ORIGIN}/tin/feed.xml`))).toBe('feed.xml');
    expect(fileFor(new URL(`${ORIGIN}/khac/`))).toBeNull();
    expect(fileFor(new URL('https://other.example/tin/'))).toBeNull();
  });

  it('finds links, assets, srcset candidates, feed and sitemap addresses, CSS urls and the robots sitemap', () => {
    const html = '<a href="/tin/a/?x=1&amp;y=2">a</a><img src="/tin/i.jpg" srcset="/tin/i-1.webp 400w, /tin/i-2.webp 800w" alt="">';
    expect(references('p.html', html).map((r) => r.url)).toEqual(['/tin/a/?x=1&y=2', '/tin/i.jpg', '/tin/i-1.webp', '/tin/i-2.webp']);
    expect(references('feed.xml', '<link href="https://e/tin/"/><id>tag:e,2016:b</id><loc>https://e/tin/c/</loc>').map((r) => r.url)).toEqual([
      'https://e/tin/',
      'https://e/tin/c/',
    ]);
    expect(references('style.css', 'a{background:url("/tin/x.png")}').map((r) => r.url)).toEqual(['/tin/x.png']);
    expect(references('robots.txt', 'User-agent: *\nSitemap: https://e/tin/sitemap.xml\n').map((r) => r.url)).toEqual(['https://e/tin/sitemap.xml']);
  });
});
