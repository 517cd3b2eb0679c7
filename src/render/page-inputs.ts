/**
 * What each page of the site is made from, as a digest, known before anything is rendered: a build
 * that kept the digests of the site it built last renders again only the pages whose digest
 * changed (`src/build/incremental.ts`). A page's digest covers what every page shares (the site's
 * settings, the path prefix, the masthead) and what its template says the page reads (`reads`).
 */
import { hash } from 'node:crypto';
import { ArticleEntry, type Corpus } from '../corpus/corpus.ts';
import type { PagedTemplate, PageData, PageTemplate, SiteContext, SiteTemplates } from './context.ts';
import { siteContext, type SiteRun } from './plugin.ts';
import { siteConfigModule } from './render-pages.ts';

/** The start of an article page's key: `article FILE`. */
export const ARTICLE_KEY = 'article ';

/** A page whose file and digest are known before rendering; `key` says how to render it. */
export interface PlannedPage {
  /** Path of the page's file in the site, e.g. `2016/06/slug/index.html`, `thoi-su/feed.xml`. */
  file: string;
  digest: string;
  /** `article FILE` for an article's page, else `name url` (a site page's key, see `PageKeep`). */
  key: string;
  /** For a page of a paged template: the template's name and the page's description, which an update renders from as planned. */
  paged?: { template: string; page: unknown };
}

/**
 * Digests of values made of plain data, as strings that differ whenever the values do. A value is
 * written as its JSON text, except that a story, and any long array, is written as its own digest,
 * made once however many pages hold it (a story is on its own page, in listings, in related
 * stories); a long text is replaced by its hash. Native JSON, not a walk in JavaScript: every build
 * digests every page, and the walk was most of an update's planning (10,000 stories: 0.35 s).
 *
 * A story is written as the fields that name it (`STORY_FIELDS`), not its article: its parse cache
 * key is a digest of the parser and the file's bytes, so it names the article's summary as surely
 * as the summary's text would, and writing 100,000 summaries out was a second of every update.
 */
export class Digests {
  /** A story's file or photo as its digest names it: by its path in the content folder, so a content folder checked out elsewhere changes no page. */
  readonly #storyPath: (file: string) => string;
  readonly #known = new WeakMap<object, string>();
  /** The same digests as JSON strings, as a page's text holds them: an update's pages hold stories a million times. */
  readonly #knownText = new WeakMap<object, string>();
  readonly #inline = (_name: string, item: unknown): unknown => {
    if (typeof item === 'function' || typeof item === 'symbol') throw new Error(`A page cannot read a ${typeof item}.`);
    if (item instanceof Map || item instanceof Set) throw new Error('A page cannot read a Map or a Set: give it an array or an object.');
    if (item instanceof ArticleEntry || (Array.isArray(item) && item.length > SHARED_FROM)) return this.#shared(item);
    return item;
  };

  constructor(storyPath: (file: string) => string = (file) => file) {
    this.#storyPath = storyPath;
  }

  /**
   * Takes `digest` as the story's, as a build before made it for a story with the same fields
   * (`rememberStories`): digesting every story of a big archive anew was most of planning an update.
   */
  remember(entry: ArticleEntry, digest: string): void {
    if (!this.#known.has(entry)) this.#known.set(entry, digest);
  }

  of(value: unknown): string {
    if (value instanceof ArticleEntry || Array.isArray(value)) return this.#shared(value);
    return hashedIfLong(this.text(value));
  }

  /** What `of` hashes when long, for a caller that hashes it with more, once. */
  text(value: unknown): string {
    // `undefined` alone has no JSON text; as a property it is left out, as if the page did not read it.
    return this.#json(value) ?? 'u';
  }

  /**
   * `JSON.stringify(value, this.#inline)`, made faster: plain data (no story, no long list, no
   * object of a class) is written by JSON.stringify alone, and the objects and arrays that hold
   * a story or a long list are walked here, down to their plain parts. A replacer is called for
   * every value, and an update's 100,000 article pages spent twice as long in those calls as in
   * the writing. Anything else (a class's object, a Date, a function) goes to the replacer, which
   * writes it or refuses it as JSON would.
   */
  #json(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null) return typeof value === 'function' || typeof value === 'symbol' ? JSON.stringify(value, this.#inline) : JSON.stringify(value);
    if (value instanceof ArticleEntry || (Array.isArray(value) && value.length > SHARED_FROM)) return this.#sharedText(value);
    if (isPlain(value)) return JSON.stringify(value);
    if (Array.isArray(value)) {
      let text = '[';
      for (let i = 0; i < value.length; i++) text += `${i > 0 ? ',' : ''}${this.#json(value[i]) ?? 'null'}`;
      return `${text}]`;
    }
    if (!isPlainObject(value)) return JSON.stringify(value, this.#inline);
    let text = '{';
    for (const key of Object.keys(value)) {
      const item = this.#json((value as Record<string, unknown>)[key]);
      if (item !== undefined) text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${item}`;
    }
    return `${text}}`;
  }

  /** A long list's text: its items' texts, by JSON.stringify at once when they are all plain (a sitemap's 50,000 addresses). */
  #items(items: readonly unknown[]): string {
    if (items.every((item) => item !== undefined && isPlain(item))) return JSON.stringify(items);
    return `[${items.map((item) => this.text(item)).join(',')}]`;
  }

  /** `#shared`'s digest as JSON text. */
  #sharedText(value: object): string {
    let text = this.#knownText.get(value);
    if (text === undefined) {
      text = JSON.stringify(this.#shared(value));
      this.#knownText.set(value, text);
    }
    return text;
  }

  /** A story or an array: remembered by identity, since the same one is digested for many pages. */
  #shared(value: object): string {
    let digest = this.#known.get(value);
    if (digest === undefined) {
      // A story's own fields hold no story; an array's items are replaced as in any other value.
      digest = hashedIfLong(value instanceof ArticleEntry ? this.#storyText(value) : this.#items(value as unknown[]));
      this.#known.set(value, digest);
    }
    return digest;
  }

  /** A story's `STORY_FIELDS`, in their order, its paths named by `#storyPath`. */
  #storyText({ file, key, url, photos, photoIds, id }: ArticleEntry): string {
    const named = this.#storyPath;
    return JSON.stringify([named(file), key, url, photos.map((photo) => (photo === null ? null : named(photo))), photoIds, id]);
  }
}

/** An object JSON writes by its own keys: no class's object, no `toJSON`. */
function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}

/** Whether JSON.stringify alone writes `value` as `Digests` would: it holds no story, no long list, nothing JSON leaves out or a page cannot read. */
function isPlain(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return true;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        if (value.length > SHARED_FROM) return false;
        for (let i = 0; i < value.length; i++) if (!isPlain(value[i])) return false;
        return true;
      }
      if (value instanceof ArticleEntry || !isPlainObject(value)) return false;
      for (const key in value) if (!isPlain((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/** What a story's digest is made of: every field of `ArticleEntry` but `article`, which its `key` names. */
export const STORY_FIELDS = ['file', 'key', 'url', 'photos', 'photoIds', 'id'] as const satisfies readonly (keyof ArticleEntry)[];

/** Arrays longer than this (a listing's stories, a group's whole list) are digested once, by identity. */
const SHARED_FROM = 8;

function hashedIfLong(text: string): string {
  return text.length > HASHED_FROM ? `#${hash('sha1', text, 'base64url')}` : text;
}

/** Digests longer than this are hashed: a SHA-1 is cheaper than carrying them on. */
const HASHED_FROM = 200;

const SLASH = 0x2f;

/** The file an Eleventy permalink writes: `index.html` in a folder for a URL ending in `/`. */
export function outputFileOf(url: string): string {
  // Most addresses are `/…/`: sliced, not matched (an update names the files of 125,000 pages).
  if (url.length > 1 && url.charCodeAt(0) === SLASH && url.charCodeAt(1) !== SLASH && url.charCodeAt(url.length - 1) === SLASH) return `${url.slice(1)}index.html`;
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

function isPaged(template: PageTemplate | PagedTemplate): template is PagedTemplate {
  return 'pages' in template;
}

/** The permalink of a paged template's page `page`: its template's own permalink, given the page as its data. */
function permalinkOf(template: PagedTemplate, page: { url: string }): string {
  const permalink = template.data.permalink;
  return typeof permalink === 'function' ? (permalink as (data: Record<string, unknown>) => string)({ [template.alias]: page }) : page.url;
}

/** The pages of a site known before rendering. */
export interface SitePlan {
  pages: PlannedPage[];
  /**
   * The one-page templates (the feed, the 404 page, the stylesheet…), by name: they are few and
   * cheap, so a build that renders anything renders them and keeps a file only when its bytes changed.
   */
  singles: string[];
}

/**
 * Every page of the corpus's article pages and of the paged templates, with its digest. Article
 * pages come last, once `relatedChosen` has settled: they read related stories, which the build
 * may be choosing on another thread meanwhile (`ArchiveModel.chooseRelated`).
 */
export async function planSite(templates: SiteTemplates, ctx: SiteContext, corpus: Corpus, pathPrefix: string, digests: Digests, relatedChosen: Promise<void>): Promise<SitePlan> {
  const { archive } = ctx;
  const shared = digests.of({ site: ctx.site, features: ctx.features, pathPrefix, nav: archive.nav });
  // `crypto.hash`, not a Hash object: a page's text is short, and making the object cost more than hashing (100,000 pages: 0.3 s).
  const digest = (key: string, reads: unknown) => hash('sha1', shared + key + digests.text(reads), 'hex');
  const planned: PlannedPage[] = [];
  const data = { corpus } as PageData;
  const singles: string[] = [];
  for (const [name, template] of Object.entries(templates.others)) {
    if (!isPaged(template)) {
      singles.push(name);
      continue;
    }
    for (const page of template.pages(data)) {
      const key = `${name} ${page.url}`;
      planned.push({ file: outputFileOf(permalinkOf(template, page)), key, digest: digest(key, template.reads ? template.reads(page) : page), paged: { template: name, page } });
    }
  }
  await relatedChosen;
  for (const entry of corpus.articlePages) {
    const key = `${ARTICLE_KEY}${entry.file}`;
    planned.push({ file: outputFileOf(entry.url), key, digest: digest(key, templates.article.reads(entry, corpus, archive)) });
  }
  planned.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { pages: planned, singles };
}

/** The plan of the run's site, with the templates of the composition root (`.eleventy.ts`); see `planSite`. */
export async function planRun(run: SiteRun, pathPrefix: string, digests: Digests, relatedChosen: Promise<void>): Promise<SitePlan> {
  const { siteTemplates } = await siteConfigModule();
  const ctx = siteContext(run, pathPrefix);
  return planSite(siteTemplates(ctx), ctx, run.corpus, pathPrefix, digests, relatedChosen);
}
