/** One piece of an article's body, in reading order. */
export type Block =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'figure'; caption: string; line: number };

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
}
