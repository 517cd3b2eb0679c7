/**
 * What a build leaves beside the site it wrote, for the next build into the same folder: the
 * version of the code and settings it ran with, every article as it was read, and the digest of
 * every page (`PlannedPage`). The next build trusts it only whole and of the same code and
 * settings; anything else means a full build, never a wrong site. It lives in the output folder
 * (`.toa-soan/state.json`, which publishing skips), so it cannot describe another folder's site.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleSource, LoadedArticle, LoadedCorpus } from '../corpus/load-corpus.ts';
import type { KnownFile } from '../corpus/file-identity.ts';
import { outputFileOf, type Digests, type SitePlan } from '../render/page-inputs.ts';
import type { Corpus } from '../corpus/corpus.ts';
import type { SearchTier } from '../search/search-tiers.ts';

/** Bump when the shape of the state changes. */
const FORMAT = 'toa-soan-build-state-2';

/** The folder, below the output folder, of what builds keep for the next one. */
export const STATE_FOLDER = '.toa-soan';
const STATE_FILE = 'state.json';

export interface BuildState {
  format: typeof FORMAT;
  /** `codeVersion()` of the build that wrote it. */
  code: string;
  /** Digest of the options that change every page (path prefix, site address, features). */
  settings: string;
  /** Every article file read, as read, with what it was read from (`ArticleSource`). */
  articles: Record<string, { source: ArticleSource; loaded: LoadedArticle }>;
  /** Every article and photo file the build saw, with its stat and git blob id (`FileIdentities`). */
  files: Record<string, KnownFile>;
  /** Digest of every planned page, by its file in the site. */
  pages: Record<string, string>;
  /** Digest of what each search index was made from, by its name (`searchInputs`); empty without search. */
  search: Record<string, string>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Everything that decides what a build writes, besides its content and options. */
const CODE = ['src', 'templates', '.eleventy.ts', 'package-lock.json'];

/** A digest of the code that builds the site and of the Node that runs it: any change means a full build. */
export function codeVersion(): string {
  const hash = createHash('sha1').update(FORMAT).update(process.version);
  const files: string[] = [];
  for (const name of CODE) {
    const full = path.join(ROOT, name);
    if (path.extname(name)) files.push(full);
    else for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  for (const file of files.sort()) hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

function stateFile(outputDir: string): string {
  return path.join(outputDir, STATE_FOLDER, STATE_FILE);
}

/** Whether the site in `outputDir` has a state at all, trusted or not. */
export function hasBuildState(outputDir: string): boolean {
  return existsSync(stateFile(outputDir));
}

/** The state of the site in `outputDir`, or null when there is none that a build can trust. */
export async function readBuildState(outputDir: string, code: string, settings: string): Promise<BuildState | null> {
  try {
    const state = JSON.parse(await readFile(stateFile(outputDir), 'utf8')) as Partial<BuildState>;
    const whole = state.format === FORMAT && [state.articles, state.files, state.pages, state.search].every((part) => typeof part === 'object' && part !== null);
    return whole && state.code === code && state.settings === settings ? (state as BuildState) : null;
  } catch {
    return null;
  }
}

/**
 * Removes the state before a build changes the site in place: a build killed half-way leaves a
 * site that no state describes, so the next build is a full one.
 */
export async function forgetBuildState(outputDir: string): Promise<void> {
  await rm(stateFile(outputDir), { force: true });
}

/**
 * The bytes of a state file, UTF-8 JSON: made apart from their writing, so a build can make them
 * while it waits for something else (at 100,000 stories, 1 s of text and its encoding).
 */
export function serializeBuildState(state: BuildState): Buffer {
  return Buffer.from(JSON.stringify(state));
}

/** Writes the state of the site in `outputDir`, as `serializeBuildState` made it (write, then rename: never half a state). */
export async function writeBuildState(outputDir: string, bytes: Uint8Array): Promise<void> {
  const file = stateFile(outputDir);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

/** The state of a site built from `loaded` by `plan`, with search indexes made from `search`. */
export function stateOf(code: string, settings: string, loaded: LoadedCorpus, plan: SitePlan, search: Record<string, string>): BuildState {
  const articles: BuildState['articles'] = {};
  for (const file of [...loaded.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const source = loaded.sources.get(file.file);
    if (source) articles[file.file] = { source, loaded: file };
  }
  return { format: FORMAT, code, settings, articles, files: loaded.knownFiles, pages: Object.fromEntries(plan.pages.map((page) => [page.file, page.digest])), search };
}

/**
 * What each search index is made from: its pages' stories, not the pages themselves, whose
 * related stories and links, outside the indexed text, change far more often.
 */
export function searchInputs(tiers: readonly SearchTier[], corpus: Corpus, digests: Digests): Record<string, string> {
  const byFile = new Map(corpus.entries.map((entry) => [outputFileOf(entry.url), entry]));
  return Object.fromEntries(tiers.map((tier) => [tier.name, sha1(tier.files.map((file) => `${file} ${digests.of(byFile.get(file) ?? null)}`).join('\n'))]));
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
