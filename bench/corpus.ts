/**
 * A synthetic corpus in the newsroom's raw export format (see
 * /work/shared/fixtures/articles/seed.txt): deterministic for a seed, so benchmarks are
 * repeatable and a test can check the parser against what was generated.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { slug } from '../src/slug.ts';
import { createRandom, mixSeed, type Random } from './random.ts';
import * as words from './vocabulary.ts';

/** A body block as generated, in reading order (the same shape the parser's blocks have). */
export type GeneratedBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'figure'; caption: string };

/** What `parseArticle` must find in the generated text. */
export interface ExpectedArticle {
  title: string;
  /** ISO 8601 with `+07:00`. */
  date: string;
  author: string;
  credit: string;
  source: 'Báo Quảng Ngãi';
  lead: string;
  headings: string[];
  captions: string[];
  paragraphs: string[];
}

export interface GeneratedArticle {
  /** The file content, as an editor would commit it. */
  text: string;
  section: string;
  /** `NNNNNN-slug.txt`, unique in the corpus. */
  fileName: string;
  expected: ExpectedArticle;
  blocks: GeneratedBlock[];
}

export interface ArticleOptions {
  /** Words of body text to write (a sentence more at most); by default 300–1,450, drawn from the article's stream. */
  bodyWords?: number;
  /** Photos (captions) in the body, at most one after each paragraph but the last; by default 0–3, drawn from the article's stream. */
  photos?: number;
}

const NBSP = '\u00a0';
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = 3653; // ten years

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** `3.500`: Vietnamese groups thousands with a dot. */
function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `Ông Lê Văn Hải` or `Bà Phạm Thị Lan`. */
function person(random: Random): string {
  const woman = random.chance(0.4);
  const middle = woman ? 'Thị' : random.pick(words.middleNames);
  return `${woman ? 'Bà' : 'Ông'} ${random.pick(words.familyNames)} ${middle} ${random.pick(words.givenNames)}`;
}

function clause(random: Random): string {
  return `${random.pick(words.subjects)} ${random.pick(words.verbs)} ${random.pick(words.objects)}`;
}

/** One sentence ending with a period; numbers, quotes and openers vary the shape. */
function sentence(random: Random): string {
  switch (random.int(0, 5)) {
    case 0:
      return `${capitalize(clause(random))} ${random.pick(words.adverbials)}.`;
    case 1:
      return `${random.pick(words.connectors)} ${clause(random)}, ${random.pick(words.verbs)} ${random.pick(words.objects)}.`;
    case 2:
      return `${capitalize(random.pick(words.adverbials))}, ${random.pick(words.subjects)} đã ${random.pick(words.verbs)} ${random.pick(words.objects)} cho ${formatNumber(random.int(2, 20000))} ${random.pick(words.units)}.`;
    case 3: {
      const who = `${person(random)}, ${random.pick(words.roles)} ${random.pick(words.places)}`;
      return `${who}, cho biết: “${capitalize(clause(random))} ${random.pick(words.adverbials)}”.`;
    }
    case 4:
      return `${capitalize(clause(random))} và ${random.pick(words.verbs)} ${random.pick(words.objects)}, góp phần ${random.pick(words.verbs)} ${random.pick(words.objects)} ${random.pick(words.adverbials)}.`;
    default:
      return `${capitalize(random.pick(words.subjects))} có ${formatNumber(random.int(2, 5000))} ${random.pick(words.units)}, trong đó ${random.pick(words.objects)} chiếm khoảng ${random.int(5, 95)}%.`;
  }
}

/** A lead often opens with when it happened: `Sáng 5/9, …`. */
function leadSentence(random: Random): string {
  if (!random.chance(0.4)) return sentence(random);
  const when = `${random.pick(['Sáng', 'Chiều', 'Tối'])} ${random.int(1, 28)}/${random.int(1, 12)}`;
  return `${when}, ${clause(random)} ${random.pick(words.adverbials)}.`;
}

function wordCount(text: string): number {
  return text.split(' ').length;
}

/** Paragraphs of 2–6 sentences, stopping at the first sentence that reaches the target. */
function bodyParagraphs(random: Random, targetWords: number): string[] {
  const paragraphs: string[] = [];
  let total = 0;
  while (total < targetWords || paragraphs.length < 3) {
    const sentences: string[] = [];
    for (let k = random.int(2, 6); k > 0 && (total < targetWords || sentences.length === 0); k--) {
      const text = sentence(random);
      sentences.push(text);
      total += wordCount(text);
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

/** Titles carry a number unique to article `i`, so no two articles share a slug. */
function title(random: Random, i: number): string {
  const n = formatNumber(37 + 13 * i + random.int(0, 12));
  const unit = random.pick(words.units);
  switch (random.int(0, 4)) {
    case 0:
      return `${capitalize(random.pick(words.verbs))} ${random.pick(words.objects)} cho ${n} ${unit}`;
    case 1:
      return `${capitalize(random.pick(words.subjects))}: ${random.pick(words.verbs)} ${random.pick(words.objects)} với ${n} ${unit}`;
    case 2:
      return `${capitalize(random.pick(words.objects))}: Vì sao ${n} ${unit} còn khó khăn?`;
    case 3:
      return `${capitalize(clause(random))}, thu hút ${n} ${unit}`;
    default:
      return `Hơn ${n} ${unit} ${random.pick(words.adverbials)}`;
  }
}

function heading(random: Random): string {
  const roll = random.next();
  if (roll < 0.15) return random.pick(words.headingQuestions);
  if (roll < 0.6) return random.pick(words.headingPhrases);
  return capitalize(`${random.pick(words.verbs)} ${random.pick(words.objects)}`);
}

function caption(random: Random): string {
  const who = random.pick(['Người dân', 'Nông dân', 'Ngư dân', 'Học sinh', 'Cán bộ', 'Lãnh đạo tỉnh', 'Du khách']);
  const district = random.chance(0.5) ? ` (${random.pick(['Tư Nghĩa', 'Lý Sơn', 'Bình Sơn', 'Ba Tơ', 'Mộ Đức', 'Đức Phổ'])})` : '';
  return `${who} ${random.pick(words.places)}${district} ${random.pick(words.photoScenes)}.`;
}

interface Byline {
  credit: string;
  author: string;
}

function byline(random: Random): Byline {
  const author = random.pick(words.authors);
  switch (random.int(0, 6)) {
    case 0:
      return { credit: `Bài, ảnh: ${author}`, author };
    case 1:
      return { credit: `Tin: ${author}`, author };
    case 2:
      return { credit: `Tin, ảnh: ${author}`, author };
    case 3:
      return { credit: `Bài và ảnh: ${author}`, author };
    case 4: {
      const photographer = random.pick(words.authors.filter((name) => name !== author));
      return { credit: `Bài: ${author} - Ảnh: ${photographer}`, author };
    }
    case 5:
      return { credit: `Bài: ${author}`, author };
    default:
      return { credit: author, author };
  }
}

interface Moment {
  line: string;
  iso: string;
}

/** `Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]`, sometimes without zero padding or the zone tag. */
function timestamp(random: Random): Moment {
  const day = new Date(FIRST_DAY + random.int(0, DAYS - 1) * 86_400_000);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const [hh, mm] = [random.int(5, 22), random.int(0, 59)];
  const iso = `${y}-${pad2(m)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:00+07:00`;
  if (random.chance(0.2)) return { line: `Cập nhật lúc: ${hh}:${pad2(mm)}, ${d}/${m}/${y}`, iso };
  return { line: `Cập nhật lúc: ${pad2(hh)}:${pad2(mm)}, ${pad2(d)}/${pad2(m)}/${y} [GMT+7]`, iso };
}

/** Places headings and photos between paragraphs: a heading always has text after it, so does a photo. */
function bodyBlocks(random: Random, targetWords: number, photos: number | undefined): GeneratedBlock[] {
  const paragraphs = bodyParagraphs(random, targetWords);
  const headingBefore = new Map<number, string>();
  const used = new Set<string>();
  for (let k = random.int(0, 3); k > 0; k--) {
    const text = heading(random);
    if (used.has(text)) continue;
    used.add(text);
    headingBefore.set(random.int(0, paragraphs.length - 1), text);
  }
  const figureAfter = new Map<number, string>();
  if (photos === undefined) {
    for (let k = random.int(0, 3); k > 0; k--) {
      const text = caption(random);
      if (used.has(text)) continue;
      used.add(text);
      figureAfter.set(random.int(0, paragraphs.length - 2), text);
    }
  } else {
    // Asked for: drawn until there are that many, each caption and place its own.
    while (figureAfter.size < Math.min(photos, paragraphs.length - 1)) {
      const text = caption(random);
      const after = random.int(0, paragraphs.length - 2);
      if (used.has(text) || figureAfter.has(after)) continue;
      used.add(text);
      figureAfter.set(after, text);
    }
  }
  const blocks: GeneratedBlock[] = [];
  paragraphs.forEach((text, index) => {
    const before = headingBefore.get(index);
    if (before !== undefined) blocks.push({ kind: 'heading', text: before });
    blocks.push({ kind: 'paragraph', text });
    const after = figureAfter.get(index);
    if (after !== undefined) blocks.push({ kind: 'figure', caption: after });
  });
  return blocks;
}

/** Blank lines as the scraper left them: mostly one, sometimes two, a lone NBSP or spaces. */
function gap(random: Random): string[] {
  const roll = random.next();
  if (roll < 0.75) return [''];
  if (roll < 0.88) return ['', ''];
  if (roll < 0.95) return ['', NBSP, ''];
  return ['', '          '];
}

function trailing(random: Random): string {
  return random.chance(0.1) ? random.pick([' ', NBSP, '         ']) : '';
}

function renderLines(random: Random, moment: Moment, expected: ExpectedArticle, blocks: GeneratedBlock[], related: boolean): string[] {
  const lines: string[] = [];
  if (random.chance(0.05)) lines.push('');
  lines.push(moment.line, '.', '', expected.title, '', ...(random.chance(0.5) ? [''] : []));
  lines.push(`(Báo Quảng Ngãi)- ${expected.lead}${trailing(random)}`);
  if (related) lines.push('', 'TIN LIÊN QUAN');
  for (const block of blocks) {
    lines.push(...gap(random));
    if (block.kind === 'figure') lines.push(block.caption, `${block.caption}${trailing(random)}`);
    else lines.push(`${block.text}${trailing(random)}`);
  }
  lines.push(...gap(random), `${expected.credit}${trailing(random)}`, '');
  for (let k = random.int(0, 2); k > 0; k--) lines.push('.');
  return lines;
}

/** Article `i` of the corpus for `seed`; independent of every other article. */
export function generateArticle(i: number, seed: number, options: ArticleOptions = {}): GeneratedArticle {
  const random = createRandom(mixSeed(seed, i));
  const section = random.pick(words.sections);
  const moment = timestamp(random);
  const articleTitle = title(random, i);
  const lead = [leadSentence(random), ...(random.chance(0.6) ? [sentence(random)] : [])].join(' ');
  const blocks = bodyBlocks(random, options.bodyWords ?? random.int(300, 1450), options.photos);
  const credit = byline(random);
  const related = random.chance(0.3);
  const expected: ExpectedArticle = {
    title: articleTitle,
    date: moment.iso,
    author: credit.author,
    credit: credit.credit,
    source: 'Báo Quảng Ngãi',
    lead,
    headings: blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])),
    captions: blocks.flatMap((b) => (b.kind === 'figure' ? [b.caption] : [])),
    paragraphs: blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])),
  };
  const lines = renderLines(random, moment, expected, blocks, related);
  const windows = random.chance(0.05);
  const text = (windows ? '\ufeff' : '') + lines.join(windows ? '\r\n' : '\n') + (random.chance(0.5) ? '\n' : '');
  return {
    text,
    section,
    fileName: `${String(i).padStart(6, '0')}-${slug(articleTitle)}.txt`,
    expected,
    blocks,
  };
}

/**
 * Photo files for the captions: `small` ones (240×160) are cheap to encode, so a big corpus gets
 * the file count of a real archive without hours of encoding; `camera` ones are what a newsroom
 * commits (4000×2667, gradients, hard-edged discs and sensor noise, JPEG q92, about 4.5 MB), as
 * measured in docs/incremental-build.md, "Photos".
 */
export type PhotoKind = 'small' | 'camera';

const PHOTO_SIZE: Record<PhotoKind, { width: number; height: number; discs: number; quality: number }> = {
  small: { width: 240, height: 160, discs: 4, quality: 80 },
  camera: { width: 4000, height: 2667, discs: 40, quality: 92 },
};

/** Photo k (from 1) of an article, named as the loader looks for it beside the article: `NNNNNN-slug-k.jpg`. */
export function photoFileName(article: GeneratedArticle, k: number): string {
  return `${article.fileName.replace(/\.txt$/, '')}-${k}.jpg`;
}

/** A JPEG of `kind`, deterministic for `seed` and different for another. */
export async function photoJpeg(kind: PhotoKind, seed: number): Promise<Buffer> {
  const { width, height, discs, quality } = PHOTO_SIZE[kind];
  const random = createRandom(seed);
  const pixels = Buffer.alloc(width * height * 3);
  const [r0, g0, b0, r1, g1, b1] = Array.from({ length: 6 }, () => random.int(0, 255));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const at = (y * width + x) * 3;
      pixels[at] = r0! + (r1! - r0!) * t;
      pixels[at + 1] = g0! + (g1! - g0!) * t;
      pixels[at + 2] = b0! + (b1! - b0!) * t;
    }
  }
  for (let k = 0; k < discs; k++) {
    const radius = random.int(Math.round(height / 40), Math.round(height / 8));
    const cx = random.int(0, width - 1);
    const cy = random.int(0, height - 1);
    const colour = [random.int(0, 255), random.int(0, 255), random.int(0, 255)];
    for (let y = Math.max(0, cy - radius); y < Math.min(height, cy + radius); y++) {
      for (let x = Math.max(0, cx - radius); x < Math.min(width, cx + radius); x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) continue;
        pixels.set(colour, (y * width + x) * 3);
      }
    }
  }
  // Sensor noise: what makes a camera's photo expensive to encode, unlike flat synthetic colour.
  for (let at = 0; at < pixels.length; at++) pixels[at] = Math.max(0, Math.min(255, pixels[at]! + random.int(-12, 12)));
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

export interface WrittenArticle {
  /** Bytes of the article's text. */
  bytes: number;
  photos: number;
  photoBytes: number;
}

/**
 * Writes `article` as `dir/SECTION/NNNNNN-slug.txt` and, with `photos`, a photo file of that kind
 * for each of its captions, each photo distinct (drawn from `photos.seed` and its number).
 */
export async function writeArticle(dir: string, article: GeneratedArticle, photos?: { kind: PhotoKind; seed: number }): Promise<WrittenArticle> {
  const folder = join(dir, article.section);
  await mkdir(folder, { recursive: true });
  const data = Buffer.from(article.text, 'utf8');
  await writeFile(join(folder, article.fileName), data);
  const written: WrittenArticle = { bytes: data.length, photos: 0, photoBytes: 0 };
  if (!photos) return written;
  for (let k = 1; k <= article.expected.captions.length; k++) {
    const jpeg = await photoJpeg(photos.kind, mixSeed(photos.seed, k));
    await writeFile(join(folder, photoFileName(article, k)), jpeg);
    written.photos++;
    written.photoBytes += jpeg.length;
  }
  return written;
}

export interface CorpusSummary {
  files: number;
  bytes: number;
  /** Photo files written (none unless asked), and their bytes. */
  photos: number;
  photoBytes: number;
}

export interface CorpusOptions {
  /** Write a photo file for every caption, of this kind (`small` for a big corpus); by default none. */
  photos?: PhotoKind;
}

/** Writes articles 0…n-1 as `dir/SECTION/NNNNNN-slug.txt`, and their photos when asked. */
export async function writeCorpus(dir: string, n: number, seed: number, options: CorpusOptions = {}): Promise<CorpusSummary> {
  const summary: CorpusSummary = { files: n, bytes: 0, photos: 0, photoBytes: 0 };
  for (let i = 0; i < n; i++) {
    const article = generateArticle(i, seed);
    const written = await writeArticle(dir, article, options.photos && { kind: options.photos, seed: mixSeed(seed, i) });
    summary.bytes += written.bytes;
    summary.photos += written.photos;
    summary.photoBytes += written.photoBytes;
  }
  return summary;
}
