/**
 * A synthetic corpus in the newsroom's raw export format (see
 * /work/shared/fixtures/articles/seed.txt): deterministic for a seed, so benchmarks are
 * repeatable and a test can check the parser against what was generated.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
function bodyBlocks(random: Random, targetWords: number): GeneratedBlock[] {
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
  for (let k = random.int(0, 3); k > 0; k--) {
    const text = caption(random);
    if (used.has(text)) continue;
    used.add(text);
    figureAfter.set(random.int(0, paragraphs.length - 2), text);
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
  const blocks = bodyBlocks(random, options.bodyWords ?? random.int(300, 1450));
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

export interface CorpusSummary {
  files: number;
  bytes: number;
}

/** Writes articles 0…n-1 as `dir/SECTION/NNNNNN-slug.txt`. */
export async function writeCorpus(dir: string, n: number, seed: number): Promise<CorpusSummary> {
  const made = new Set<string>();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const article = generateArticle(i, seed);
    const folder = join(dir, article.section);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    const data = Buffer.from(article.text, 'utf8');
    await writeFile(join(folder, article.fileName), data);
    bytes += data.length;
  }
  return { files: n, bytes };
}
