import type { ArchiveModel } from '../corpus/archive-model.ts';
import type { ArticleEntry, Corpus } from '../corpus/corpus.ts';

export interface Affected {
  /** Articles of the new corpus whose pages may have changed. */
  pages: ArticleEntry[];
  /** Site-relative URLs of pages the new corpus no longer has (deleted articles, moved addresses). */
  gone: string[];
}

/**
 * After `changed` files were edited, added or removed, the article pages that may differ between
 * the archives `before` and `after`: the edited articles, the stories just older and newer than each (their
 * previous/next links show its title), before and after the edit, every article whose address
 * moved or whose back link's listing page changed, every article whose related stories differ or show an
 * edited one, and all of them when the masthead's sections change.
 */
export function affectedPages(beforeArchive: ArchiveModel, afterArchive: ArchiveModel, changed: ReadonlySet<string>, perPage: number): Affected {
  const before = beforeArchive.corpus;
  const after = afterArchive.corpus;
  const beforeByFile = new Map(before.entries.map((entry) => [entry.file, entry]));
  const afterByFile = new Map(after.entries.map((entry) => [entry.file, entry]));
  const files = new Set<string>();
  const addWithNeighbours = (corpus: Corpus, entry: ArticleEntry | undefined) => {
    if (!entry) return;
    files.add(entry.file);
    for (const neighbour of [corpus.older(entry), corpus.newer(entry)]) if (neighbour) files.add(neighbour.file);
  };
  for (const file of changed) {
    addWithNeighbours(before, beforeByFile.get(file));
    addWithNeighbours(after, afterByFile.get(file));
  }
  for (const [file, entry] of afterByFile) {
    const old = beforeByFile.get(file);
    if (old && old.url !== entry.url) {
      addWithNeighbours(before, old);
      addWithNeighbours(after, entry);
    }
    // An article page links back to its month's page, which moves when a story of that month dated before it comes or goes.
    if (old && beforeArchive.backLink(old, perPage) !== afterArchive.backLink(entry, perPage)) files.add(file);
  }
  // Every page's masthead lists the sections that have stories: a section gaining its first or losing its last changes them all.
  const sectionsChanged = JSON.stringify(beforeArchive.nav) !== JSON.stringify(afterArchive.nav);
  const names = (entries: readonly ArticleEntry[]) => entries.map((entry) => entry.file).join('\n');
  for (const [file, entry] of afterByFile) {
    if (sectionsChanged) files.add(file);
    const now = afterArchive.related(entry);
    const old = beforeByFile.get(file);
    if (now.some((other) => changed.has(other.file)) || !old || names(now) !== names(beforeArchive.related(old))) files.add(file);
  }

  const urls = new Set(after.entries.map((entry) => entry.url));
  const gone = before.entries.filter((entry) => !urls.has(entry.url)).map((entry) => entry.url);
  const pages = [...files].flatMap((file) => afterByFile.get(file) ?? []);
  return { pages, gone };
}

/** An edited story for the preview's report: its file, and its address unless it was removed. */
export interface EditedStory {
  file: string;
  url?: string | undefined;
}

/**
 * The preview's line after a rebuild: the stories edited, each with its address, and how many
 * article pages were rendered in all (the edited ones and those that show them).
 */
export function describeRebuild(stories: readonly EditedStory[], pages: number, seconds: number): string {
  const others = pages - stories.filter((story) => story.url !== undefined).length;
  const total = `Đã dựng lại ${pages} trang bài trong ${seconds.toFixed(1)} giây`;
  const shown = others > 0 ? `${total}: ${stories.length} bài đã sửa và ${others} trang dẫn tới chúng (bài trước, bài sau, tin liên quan).` : `${total}: ${stories.length} bài đã sửa.`;
  const lines = stories.map((story) => `  ${story.file} → ${story.url ?? 'đã xoá'}`);
  return [shown, ...lines].join('\n');
}
