/** One piece of an article's body, in reading order. */
export type Block =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'figure'; caption: string; line: number }
  /**
   * A block of a Markdown story that is more than plain text (a list, a quote, a table, a paragraph
   * with links or emphasis): markdown-it's tokens, rendered at page time. `text` is its plain words.
   */
  | { kind: 'markdown'; tokens: MarkdownToken[]; text: string; line: number };

/** A markdown-it token as plain data (JSON in the parse cache), the fields its renderer reads. */
export interface MarkdownToken {
  type: string;
  tag: string;
  attrs: [string, string][] | null;
  nesting: -1 | 0 | 1;
  level: number;
  children: MarkdownToken[] | null;
  content: string;
  markup: string;
  info: string;
  block: boolean;
  hidden: boolean;
}

/** A parsed article: plain data, NFC text, no Markdown or HTML escaping applied. */
export interface Article {
  title: string;
  /** ISO 8601 with the Vietnam offset, e.g. `2016-06-11T07:38:00+07:00`. */
  date: string;
  author: string | null;
  /** The byline as printed, e.g. `Bài, ảnh: X.THIÊN`. */
  credit: string | null;
  /** `Báo Quảng Ngãi` when the lead carried the paper's source tag. */
  source: string | null;
  lead: string;
  headings: string[];
  captions: string[];
  /** The body as Markdown: paragraphs, `## headings` and one image per photo. */
  body: string;
  /** The body as structured blocks, for renderers that do not want Markdown. */
  blocks: Block[];
  slug: string;
  /** Set only by an override block; the site may also derive it from the folder. */
  section: string | null;
  /** Image file names listed by an override block (`photos:`), in photo order. */
  photos: string[];
  /** `featured:` of an override block: the editors made it a top story of the front page. Absent unless set. */
  featured?: boolean;
  /** `tags:` of an override block: the topics (running stories) it belongs to. Absent unless set. */
  tags?: string[];
  /** `updated:` of an override block, ISO 8601 like `date`: when the story was last updated. Absent unless set. */
  updated?: string;
  /** `corrections:` of an override block, in the order written, dates ISO 8601. Absent unless set. */
  corrections?: Correction[];
  /** `unpublished: true` of an override block: taken down, the file kept as the newsroom's record. Absent unless set. */
  unpublished?: true;
  /** `aliases:` of an override block: the story's earlier paths on this site, each `/…/` or `/….html`. Absent unless set. */
  aliases?: string[];
}

/** A correction notice (Press Law art. 42): when, and what was corrected. */
export interface Correction {
  /** ISO 8601 with the Vietnam offset. */
  date: string;
  text: string;
}
