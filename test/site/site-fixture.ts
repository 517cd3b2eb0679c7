import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { FIXTURES, publishableFixtureFiles } from '../fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export { FIXTURES };
export const SITE_URL = 'https://baoquangngai.example/';

/** An article whose every text field carries markup, `&` and quotes: all must come out as text. */
export const HOSTILE = `Cập nhật lúc: 09:15, 02/01/2021 [GMT+7]
.

Tin <script>alert(1)</script> & "ngoặc kép" 'đơn'


(Báo Quảng Ngãi)- Mở đầu có <script>alert("lead")</script> và dấu & cùng "ngoặc" 'đơn' để thử thoát ký tự.

Mục <b>đậm</b> & "trích"

Đoạn văn thân bài có <img src=x onerror=alert(1)> và & cùng "ngoặc kép" được viết ra nguyên văn.

Ảnh <script>alert("caption")</script> & "chú thích".
Ảnh <script>alert("caption")</script> & "chú thích".

Đoạn cuối của bài viết thử nghiệm, đủ dài để không bị coi là tiêu đề phụ của bài.

Bài, ảnh: <i>"NGUYỄN"</i> & 'TRẦN'
`;

/** A plain article; `day` and `title` vary so listings get many pages. */
/** A short story dated `when` (`HH:mm, dd/MM/yyyy`) with the byline line `byline`. */
export function story(title: string, when: string, byline: string): string {
  return `Cập nhật lúc: ${when} [GMT+7]
.

${title}


(Báo Quảng Ngãi)- Mở đầu của bài "${title}", đủ dài để là một đoạn mở đầu thật của một bài báo tỉnh.

Thân bài có một đoạn văn ngắn, viết bằng tiếng Việt có dấu, để trang bài có nội dung.

${byline}
`;
}

export function simpleArticle(title: string, day: number, hour = 8): string {
  const dd = String(day).padStart(2, '0');
  const hh = String(hour).padStart(2, '0');
  return `Cập nhật lúc: ${hh}:00, ${dd}/03/2022 [GMT+7]
.

${title}


(Báo Quảng Ngãi)- Bài viết số ${day} kể về một ngày bình thường ở Quảng Ngãi, với đủ chữ để phần mở đầu phải được rút gọn ở trang danh sách mà không cắt ngang một từ nào của câu văn tiếng Việt này.

Thân bài có một đoạn văn ngắn, viết bằng tiếng Việt có dấu, để trang bài có nội dung.

Bài: PHÓNG VIÊN
`;
}

/** The fixture copied into `anh/` of the content folder with a photo for its first caption beside it. */
export const PHOTO_FIXTURE = '03-hai-anh-bai-anh.txt';
export const PHOTO_ARTICLE = {
  file: path.join('anh', 'que-tra-bong.txt'),
  photo: path.join('anh', 'que-tra-bong-1.jpg'),
  /** Its address, from its date and title. */
  url: '/2020/08/tra-bong-vao-mua-thu-hoach-que/',
};

/**
 * A content folder: the repository's fixtures (not the ones that must fail), the hostile article,
 * an article with its first photo beside it, 24 plain articles (two listing pages) and two
 * articles with the same title in the same month.
 */
export async function makeContent(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-content-'));
  for (const name of publishableFixtureFiles()) {
    if (name !== PHOTO_FIXTURE) await copyFile(path.join(FIXTURES, name), path.join(dir, name));
  }
  await writeFile(path.join(dir, 'hostile.txt'), HOSTILE);
  await mkdir(path.join(dir, 'anh'));
  await copyFile(path.join(FIXTURES, PHOTO_FIXTURE), path.join(dir, PHOTO_ARTICLE.file));
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 180, g: 120, b: 60 } } })
    .jpeg()
    .toFile(path.join(dir, PHOTO_ARTICLE.photo));
  await mkdir(path.join(dir, 'loat'));
  for (let day = 1; day <= 24; day++) {
    await writeFile(path.join(dir, 'loat', `bai-${String(day).padStart(2, '0')}.txt`), simpleArticle(`Tin ngắn số ${day} trong ngày`, day));
  }
  await writeFile(path.join(dir, 'loat', 'trung-a.txt'), simpleArticle('Hai bài trùng tên', 25, 9));
  await writeFile(path.join(dir, 'loat', 'trung-b.txt'), simpleArticle('Hai bài trùng tên', 26, 9));
  return dir;
}

export interface Built {
  exitCode: number;
  out: string;
  /** What the command printed on stderr. */
  issues: string;
  stdout: string;
}

/** Runs the real command, `tsx src/cli.ts build`, as an editor or CI would. */
export async function build(content: string, options: { prefix?: string; out?: string; quiet?: boolean; args?: readonly string[] } = {}): Promise<Built> {
  const out = options.out ?? path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-site-')), '_site');
  const args = ['src/cli.ts', 'build', '--content', content, '--output', out, '--site-url', SITE_URL];
  if (options.prefix) args.push('--prefix', options.prefix);
  if (options.quiet ?? true) args.push('--quiet');
  args.push(...(options.args ?? []));
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT });
    return { exitCode: 0, out, issues: stderr, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? -1, out, issues: failed.stderr ?? '', stdout: failed.stdout ?? '' };
  }
}

const run = promisify(execFile);

/** Every file below `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

export async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    hashes.set(file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex'));
  }
  return hashes;
}

export async function read(out: string, file: string): Promise<string> {
  return readFile(path.join(out, file), 'utf8');
}

/** Every URL in href, src and srcset attributes (HTML) or href attributes (XML). */
export function linkedUrls(markup: string): string[] {
  const urls: string[] = [];
  for (const match of markup.matchAll(/\s(href|src|srcset)="([^"]*)"/g)) {
    const [, attribute, value] = match;
    if (attribute === 'srcset') urls.push(...value!.split(',').map((part) => part.trim().split(/\s+/)[0]!));
    else urls.push(value!);
  }
  return urls.map((url) => url.replace(/&amp;/g, '&'));
}

/** JSON-LD blocks of a page, parsed. */
export function jsonLd(page: string): unknown[] {
  return [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

/**
 * A small XML well-formedness check: tags nest and close, attributes are quoted, and text has
 * no bare `<` or `&`. Enough to catch unescaped article text in feeds and sitemaps.
 */
export function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const tokens = body.split(/(<[^>]*>)/);
  for (const token of tokens) {
    if (token.startsWith('<')) {
      const tag = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/.exec(token);
      if (!tag) throw new Error(`malformed tag: ${token}`);
      const [, closing, name, , selfClosing] = tag;
      if (closing) {
        const open = stack.pop();
        if (open !== name) throw new Error(`</${name}> closes <${open}>`);
      } else if (!selfClosing) stack.push(name!);
    } else if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(token)) {
      throw new Error(`bare & in text: ${token.slice(0, 80)}`);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(', ')}`);
}
