import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FILE_CONCURRENCY, mapConcurrently } from '../concurrency.ts';
import { listArticleFiles } from '../load.ts';
import { formatIssue } from '../parser/issue.ts';
import { buildCorpus, type Corpus, type ParsedFile } from './corpus.ts';
import { ParseCache } from './parse-cache.ts';
import { findPhotos } from './photos.ts';

export interface LoadedCorpus {
  corpus: Corpus;
  /** `FILE:LINE: CODE: message` for every article that cannot be published. */
  errors: string[];
  warnings: string[];
  /** How many article files were read. */
  fileCount: number;
}

/**
 * Reads every article under `dir`, parsing it or taking its parse from the cache, finds each
 * one's photo files, and collects every problem (all of them, not just the first) as printable
 * lines. The corpus keeps summaries only; page renderers read an article's text by its key.
 */
export async function loadCorpus(
  dir: string,
  onProgress: (done: number, total: number) => void = () => {},
  cache: ParseCache = new ParseCache(),
): Promise<LoadedCorpus> {
  const files = await listArticleFiles(dir);
  const folders = new Map<string, Promise<ReadonlySet<string>>>();
  const siblingsOf = (file: string) => {
    const folder = path.dirname(file);
    let names = folders.get(folder);
    if (!names) {
      names = readdir(folder).then((list) => new Set(list));
      folders.set(folder, names);
    }
    return names;
  };

  const results = await mapConcurrently(
    files,
    FILE_CONCURRENCY,
    async (file): Promise<{ parsed: ParsedFile | null; errors: string[]; warnings: string[] }> => {
      const result = await cache.parseFile(file);
      const warnings = result.warnings.map((issue) => formatIssue(file, issue));
      if (!result.ok) return { parsed: null, errors: result.errors.map((issue) => formatIssue(file, issue)), warnings };
      const article = result.summary;
      // One caption per photo, in order.
      const { photos, missing } = findPhotos(file, article.captions.length, article.photos, await siblingsOf(file));
      for (const name of missing) {
        const message = `Không tìm thấy ảnh "${name}" (khai trong "photos:") bên cạnh bài; ảnh được thay bằng chú thích.`;
        warnings.push(formatIssue(file, { severity: 'warning', code: 'MISSING_PHOTO', line: 1, message }));
      }
      return { parsed: { file, article, photos, key: result.key }, errors: [], warnings };
    },
    onProgress,
  );

  const parsed: ParsedFile[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const result of results) {
    if (result.parsed) parsed.push(result.parsed);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
  }
  const built = buildCorpus(parsed);
  return { corpus: built.corpus, errors, warnings: [...warnings, ...built.warnings], fileCount: files.length };
}
