import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block } from '../article.ts';
import type { ArticleSummary } from './corpus.ts';
import type { Issue } from '../parser/issue.ts';
import { parseStoryBytes, storyFormatOf, type StoryFormat } from '../parser/story.ts';
import { ownedPrefix, removeOrphans } from '../build/orphans.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the caches kept between builds live (git-ignored; deleting it is safe): `.cache/` in the
 * repository, or the `TOA_SOAN_CACHE_DIR` environment variable (tests that corrupt caches use their own).
 */
export const CACHE_ROOT = process.env.TOA_SOAN_CACHE_DIR || path.join(ROOT, '.cache');

/** Where parse results are kept between builds. */
export const PARSE_CACHE_DIR = path.join(CACHE_ROOT, 'articles');

/** An entry being written: `tmp-<pid>-…` beside it, renamed into place once whole. */
const TEMPORARY_STEM = 'tmp-';

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

  /** The entry of a story file's bytes; a `.txt` and a `.md` file with the same bytes are different stories. */
  keyOf(bytes: Uint8Array, format: StoryFormat): string {
    return createHash('sha1').update(this.#version).update(format).update('\0').update(bytes).digest('hex');
  }

  #entryPath(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}.jsonl`);
  }

  /**
   * Entries found unreadable (cut short by a full disk or a kill, half restored, not JSON, the
   * wrong shape, a folder in their place) and made again since this cache was made: the build
   * says so in one line.
   */
  repaired = 0;

  /**
   * Reads and parses `file`, or takes its parse from the cache. Files are read synchronously: a
   * build has nothing else to do meanwhile, and the promise API's four thread-pool round trips
   * per file cost more than reading a few kilobytes from the page cache.
   */
  async parseFile(file: string): Promise<CachedParse> {
    const bytes = readFileSync(file);
    const format = storyFormatOf(file);
    const key = this.keyOf(bytes, format);
    // Only the first line (the summary) is decoded; the blocks are for page renderers.
    const cached = this.#read(key, headOf);
    if (cached) return { key, ...cached };
    return { key, ...this.#parseAndStore(key, format, bytes).head };
  }

  /**
   * The body blocks of `file`, parsed earlier (by this or another process) under `key`. An entry
   * deleted or spoilt since (the cache folder is safe to delete) is made again from the file, as
   * long as the file still has the bytes it had.
   */
  async blocks(key: string, file: string): Promise<Block[]> {
    const cached = this.#read(key, blocksOf);
    if (cached) return cached;
    const bytes = readFileSync(file);
    const format = storyFormatOf(file);
    if (this.keyOf(bytes, format) !== key) {
      throw new Error(`${file}: bài đã thay đổi trong lúc dựng trang; hãy chạy lại lệnh dựng (the file changed during the build).`);
    }
    return this.#parseAndStore(key, format, bytes).blocks;
  }

  /** Removes the half-written entries of processes killed while writing them. */
  async removeLeftovers(): Promise<void> {
    const folders = (await readdir(this.dir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory());
    await Promise.all(folders.map((folder) => removeOrphans(path.join(this.dir, folder.name), TEMPORARY_STEM)));
  }

  /** What `decode` makes of the entry under `key`; null when there is none or it cannot be read (counted in `repaired`). */
  #read<T>(key: string, decode: (entry: Buffer) => T | null): T | null {
    let entry: Buffer;
    try {
      entry = readFileSync(this.#entryPath(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.repaired++;
      return null;
    }
    const decoded = decode(entry);
    if (decoded === null) this.repaired++;
    return decoded;
  }

  #parseAndStore(key: string, format: StoryFormat, bytes: Uint8Array): { head: Head; blocks: Block[] } {
    const result = parseStoryBytes(format, bytes);
    let head: Head;
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
    return { head: JSON.parse(line) as Head, blocks };
  }

  /**
   * Written synchronously, like the reads: a build has nothing else to do meanwhile. A cache that
   * cannot be written (a full disk, a read-only folder) costs speed only: the parse is returned all the same.
   */
  #write(key: string, text: string): void {
    const target = this.#entryPath(key);
    const folder = path.dirname(target);
    const temporary = path.join(folder, `${ownedPrefix(TEMPORARY_STEM)}${Math.random().toString(36).slice(2)}`);
    try {
      writeInto(folder, temporary, text);
      try {
        renameSync(temporary, target);
      } catch {
        // A folder where the entry should be.
        rmSync(target, { recursive: true, force: true });
        renameSync(temporary, target);
      }
    } catch {
      // Nothing was written, or a part that is never read (not an entry's name) and goes with the next build's leftovers.
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Its folder cannot hold files at all.
      }
    }
  }
}

/** Writes `file` in `folder`, making the folder first when it is missing (the first entry there, or the cache was deleted) or is not a folder. */
function writeInto(folder: string, file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    if (code === 'ENOTDIR') rmSync(folder, { force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, text);
  }
}

type Head = DistributiveOmit<CachedParse, 'key'>;

/**
 * The two lines of a whole entry, or null. JSON text has no raw newline, so an entry is whole
 * exactly when it has two lines, each ending in one: a write cut short is not.
 */
function linesOf(entry: Buffer): [Buffer, Buffer] | null {
  const newline = entry.indexOf(0x0a);
  if (newline <= 0 || entry.indexOf(0x0a, newline + 1) !== entry.length - 1) return null;
  return [entry.subarray(0, newline), entry.subarray(newline + 1, -1)];
}

function parseJson(text: Buffer): unknown {
  try {
    return JSON.parse(text.toString('utf8'));
  } catch {
    return undefined;
  }
}

function headOf(entry: Buffer): Head | null {
  const lines = linesOf(entry);
  const head = lines && parseJson(lines[0]);
  return isHead(head) ? head : null;
}

function blocksOf(entry: Buffer): Block[] | null {
  const lines = linesOf(entry);
  const blocks = lines && parseJson(lines[1]);
  return Array.isArray(blocks) && blocks.every(isBlock) ? (blocks as Block[]) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIssue(value: unknown): boolean {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string' && typeof value.line === 'number';
}

const SUMMARY_TEXTS = ['title', 'date', 'lead', 'slug'];
const SUMMARY_LISTS = ['headings', 'captions', 'photos'];

function isHead(value: unknown): value is Head {
  if (!isRecord(value) || !Array.isArray(value.warnings) || !value.warnings.every(isIssue)) return false;
  if (value.ok === false) return Array.isArray(value.errors) && value.errors.every(isIssue);
  const { summary } = value;
  return (
    value.ok === true &&
    isRecord(summary) &&
    SUMMARY_TEXTS.every((name) => typeof summary[name] === 'string') &&
    SUMMARY_LISTS.every((name) => Array.isArray(summary[name]))
  );
}

function isBlock(value: unknown): boolean {
  return isRecord(value) && typeof value.kind === 'string' && typeof value.line === 'number';
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
