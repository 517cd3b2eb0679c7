import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Block } from '../article.ts';
import type { Issue } from '../parser/issue.ts';
import { parseArticleBytes } from '../parser/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where parse results are kept between builds (git-ignored; deleting it is safe). */
export const PARSE_CACHE_DIR = path.join(ROOT, '.cache', 'articles');

/** An article without its text: what listings, feeds, sitemaps and links need. Small enough to hold 100,000 of. */
export type ArticleSummary = Omit<Article, 'body' | 'blocks'>;

export type CachedParse =
  | { ok: true; key: string; summary: ArticleSummary; warnings: Issue[] }
  | { ok: false; key: string; errors: Issue[]; warnings: Issue[] };

/** Bump when the shape of a cache entry changes. */
const FORMAT = 'toa-soan-parse-cache-1';

/** The files whose code decides what a parse returns: a change to any of them invalidates every entry. */
const PARSER_SOURCES = ['src/parser', 'src/encoding', 'src/article.ts', 'src/slug.ts', 'package-lock.json'];

function parserVersion(): string {
  const hash = createHash('sha1').update(FORMAT);
  const files: string[] = [];
  for (const source of PARSER_SOURCES) {
    const full = path.join(ROOT, source);
    if (source.endsWith('.ts') || source.endsWith('.json')) files.push(full);
    else {
      for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && entry.name.endsWith('.ts')) files.push(path.join(entry.parentPath, entry.name));
      }
    }
  }
  for (const file of files.sort()) hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * Parse results keyed by the sha1 of the parser's version and the file's bytes, so an unchanged
 * file is not parsed again and an edited one (or a new parser) never finds a stale entry.
 *
 * An entry is two JSON lines: the summary (or the errors) with the warnings, then the body
 * blocks. Readers of a whole archive parse only the first line; a page renderer parses both.
 * Entries are written to a temporary name and renamed, so two processes never see half an entry.
 */
export class ParseCache {
  readonly #version: string;

  constructor(readonly dir: string = PARSE_CACHE_DIR) {
    this.#version = parserVersion();
  }

  keyOf(bytes: Uint8Array): string {
    return createHash('sha1').update(this.#version).update(bytes).digest('hex');
  }

  #entryPath(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}.jsonl`);
  }

  /**
   * Reads and parses `file`, or takes its parse from the cache. Files are read synchronously: a
   * build has nothing else to do meanwhile, and the promise API's four thread-pool round trips
   * per file cost more than reading a few kilobytes from the page cache.
   */
  async parseFile(file: string): Promise<CachedParse> {
    const bytes = readFileSync(file);
    const key = this.keyOf(bytes);
    const cached = readCached(this.#entryPath(key));
    if (cached) {
      // Only the first line (the summary) is decoded; the blocks are for page renderers.
      const newline = cached.indexOf(0x0a);
      if (newline > 0) return { key, ...(JSON.parse(cached.toString('utf8', 0, newline)) as DistributiveOmit<CachedParse, 'key'>) };
    }
    const result = parseArticleBytes(bytes);
    let head: DistributiveOmit<CachedParse, 'key'>;
    let blocks: Block[] = [];
    if (result.ok) {
      const { body: _markdown, blocks: parsedBlocks, ...summary } = result.article;
      head = { ok: true, summary, warnings: result.warnings };
      blocks = parsedBlocks;
    } else {
      head = { ok: false, errors: result.errors, warnings: result.warnings };
    }
    const line = JSON.stringify(head);
    this.#write(key, `${line}\n${JSON.stringify(blocks)}\n`);
    // What a later build reads from the entry, and a copy: the parser's strings are slices of the
    // whole decoded article, which a summary kept for the build would otherwise keep alive (1 GB per 100,000 articles).
    return { key, ...(JSON.parse(line) as DistributiveOmit<CachedParse, 'key'>) };
  }

  /**
   * The body blocks of `file`, parsed earlier (by this or another process) under `key`. An entry
   * deleted since (the cache folder is safe to delete) is made again from the file, as long as the
   * file still has the bytes it had.
   */
  async blocks(key: string, file: string): Promise<Block[]> {
    let cached = readCached(this.#entryPath(key));
    if (!cached) {
      if ((await this.parseFile(file)).key !== key) {
        throw new Error(`${file}: bài đã thay đổi trong lúc dựng trang; hãy chạy lại lệnh dựng (the file changed during the build).`);
      }
      cached = readFileSync(this.#entryPath(key));
    }
    return JSON.parse(cached.toString('utf8', cached.indexOf(0x0a) + 1)) as Block[];
  }

  /** Written synchronously, like the reads: a build has nothing else to do meanwhile. */
  #write(key: string, text: string): void {
    const target = this.#entryPath(key);
    const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      writeFileSync(temporary, text);
    } catch (error) {
      // The first entry in its folder, or the cache was deleted meanwhile.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(temporary, text);
    }
    renameSync(temporary, target);
  }
}

function readCached(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
