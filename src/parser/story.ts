import { parseArticleBytes, type ParseResult } from './index.ts';
import { parseMarkdownStoryBytes } from './markdown-story.ts';

/** The two kinds of story file: the newsroom system's `.txt` export, and a story written in Markdown (`.md`). */
export type StoryFormat = 'text' | 'markdown';

/** A story file's format, by its extension: `.md` is Markdown, anything else the text export. */
export function storyFormatOf(file: string): StoryFormat {
  return file.endsWith('.md') ? 'markdown' : 'text';
}

/** Parses a story file's bytes in its format. Pure: the format is given, not read from a file. */
export function parseStoryBytes(format: StoryFormat, bytes: Uint8Array): ParseResult {
  return format === 'markdown' ? parseMarkdownStoryBytes(bytes) : parseArticleBytes(bytes);
}
