import path from 'node:path';
import { isStoryFile } from './article-files.ts';
import { siteIssue } from './issue-codes.ts';
import type { Issue } from '../parser/issue.ts';

/** In order of preference; upper case too, as cameras and Windows tools write `.JPG`. */
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.JPG', '.JPEG', '.PNG', '.WEBP'] as const;

const PREFERENCE: readonly string[] = PHOTO_EXTENSIONS.filter((ext) => ext === ext.toLowerCase());

/** An image the site can show, whatever the case of its extension (`.Jpg` too). */
export function isPhotoFile(name: string): boolean {
  return PREFERENCE.includes(path.extname(name).toLowerCase());
}

function stem(name: string): string {
  return name.slice(0, name.length - path.extname(name).length);
}

/** `NAME-k` → k, for a file stem of the story `name`; null for any other stem. */
function photoNumber(fileStem: string, name: string): number | null {
  if (!fileStem.startsWith(`${name}-`)) return null;
  const digits = fileStem.slice(name.length + 1);
  return /^[1-9]\d*$/.test(digits) ? Number(digits) : null;
}

function longest(names: readonly string[]): string | null {
  return names.reduce<string | null>((best, name) => (best === null || name.length > best.length ? name : best), null);
}

/**
 * The story an image beside several stories belongs to: the story whose `NAME-k` it is, else the
 * longest story name it starts with, followed by a separator (`bai-moi-1.jpg` is `bai-moi`'s, not `bai`'s).
 */
export function ownerOf(image: string, stories: readonly string[]): string | null {
  const fileStem = stem(image);
  const numbered = longest(stories.filter((story) => photoNumber(fileStem, story) !== null));
  if (numbered !== null) return numbered;
  return longest(stories.filter((story) => fileStem === story || (fileStem.startsWith(story) && /[^\p{L}\p{N}]/u.test(fileStem.charAt(story.length)))));
}

const byName = new Intl.Collator('en', { numeric: true }).compare;

function preferred(a: string, b: string): number {
  const rank = (name: string) => PREFERENCE.indexOf(path.extname(name).toLowerCase());
  return rank(a) - rank(b) || byName(a, b);
}

/** Something wrong between a story's photo lines and the image files beside it. */
export type PhotoProblem =
  /**
   * Photo `photo` (1-based) has no file; `found` is an image of the story no photo uses, likely the one meant.
   * `named` says where `expected` was written: a text story's `photos:`, a Markdown story (its image
   * `![…](FILE)`, or `photos:` in its front matter), or nowhere (the `NAME-k` the story's photos are called).
   */
  | { kind: 'missing'; photo: number; expected: string; named: 'photos' | 'markdown' | null; found: string | null }
  /** An image of the story that no photo uses; `taken` when another file already is photo `photo`. */
  | { kind: 'unused'; file: string; name: string; photo: number | null; taken: string | null; photoCount: number; listed: boolean };

export interface PhotoMatch {
  /** For each photo in reading order, the image's file name in the story's folder, or null (caption only). */
  files: (string | null)[];
  problems: PhotoProblem[];
}

/**
 * Matches a story's photos to the files beside it. Photo k is the `photos:` list's k-th name, or
 * else `NAME-k` with an image extension. The story's images (see `ownerOf`) that no photo uses are
 * problems, and so are photos without a file when the story has images at all: a story exported
 * without any image shows its captions only, as intended. Pure: `siblings` are the folder's names.
 */
export function matchPhotos(articleFile: string, photoCount: number, listed: readonly string[], siblings: Iterable<string>): PhotoMatch {
  const name = stem(path.basename(articleFile));
  const names = [...siblings];
  // Only a file whose name starts with the story's can be its photo, and only a story whose name does can
  // take one from it (`ownerOf` prefers the longest name): reading just those keeps a folder of n stories from costing n².
  const candidates = names.filter((file) => file.startsWith(name));
  const stories = candidates.filter(isStoryFile).map(stem);
  if (!stories.includes(name)) stories.push(name);
  const own = candidates.filter((file) => isPhotoFile(file) && ownerOf(file, stories) === name).sort(preferred);
  const present = new Set(listed.length > 0 ? names : []);

  const files = Array.from({ length: photoCount }, (_, i): string | null => {
    const wanted = listed[i];
    if (wanted !== undefined) return present.has(wanted) ? wanted : null;
    return own.find((file) => photoNumber(stem(file), name) === i + 1) ?? null;
  });
  const used = new Set(files);

  const unused = [
    ...own.filter((file) => !used.has(file)).sort(byName),
    ...listed.slice(photoCount).filter((file) => present.has(file) && !own.includes(file)),
  ].map((file) => {
    const k = photoNumber(stem(file), name);
    const taken = k !== null && k <= photoCount ? files[k - 1]! : null;
    return { file, photo: taken === null ? null : k, taken, listed: listed.includes(file) };
  });
  const strays = unused.filter((entry) => entry.taken === null && !entry.listed).map((entry) => entry.file);
  // The stray most likely meant for photo k: one ending in k (`NAME-khuc_2.jpg`), else one not numbered as a photo of its own.
  const takeStray = (k: number): string | null => {
    const endsInK = strays.findIndex((file) => new RegExp(`\\D0*${k}$`).test(stem(file)));
    const index = endsInK !== -1 ? endsInK : strays.findIndex((file) => photoNumber(stem(file), name) === null);
    const chosen = index !== -1 ? index : 0;
    return strays.splice(chosen, 1)[0] ?? null;
  };
  const attached = own.length > 0 || listed.length > 0;

  const problems: PhotoProblem[] = [];
  files.forEach((file, i) => {
    if (file !== null) return;
    const isListed = listed[i] !== undefined;
    const found = isListed ? null : takeStray(i + 1);
    if (!attached && found === null) return;
    const expected = listed[i] ?? `${name}-${i + 1}${found === null ? '.jpg' : path.extname(found)}`;
    const named = !isListed ? null : path.extname(articleFile) === '.md' ? 'markdown' : 'photos';
    problems.push({ kind: 'missing', photo: i + 1, expected, named, found });
  });
  const offered = new Set(problems.flatMap((problem) => (problem.kind === 'missing' && problem.found ? [problem.found] : [])));
  for (const entry of unused) if (!offered.has(entry.file)) problems.push({ kind: 'unused', ...entry, name, photoCount });
  return { files, problems };
}

/** Where a missing photo's file name was written, as the warning tells it after the name. */
const NAMED_IN = {
  photos: ' (khai trong "photos:")',
  // The warning's line is the image's; `photos:` of the front matter, when there, wins over the body's names.
  markdown: ' (tên ghi ở ảnh này trong bài, hay trong "photos:" ở phần đầu)',
  nowhere: '',
} as const;

function photoMessage(problem: PhotoProblem): string {
  if (problem.kind === 'missing') {
    const wanted = `"${problem.expected}"${NAMED_IN[problem.named ?? 'nowhere']}`;
    const seen = problem.found
      ? `; thấy "${problem.found}" không ứng với ảnh nào: đổi tên tệp đó thành "${problem.expected}" nếu đúng là ảnh này`
      : problem.named
        ? '; không có tệp đó bên cạnh bài'
        : '; không thấy tệp đó (.jpg, .jpeg, .png hay .webp) bên cạnh bài';
    return `Ảnh ${problem.photo} cần tệp ${wanted}${seen}. Đến khi sửa, trang chỉ hiện chú thích của ảnh.`;
  }
  const number = photoNumber(stem(problem.file), problem.name);
  const why = problem.taken
    ? `ảnh ${problem.photo} đã dùng tệp "${problem.taken}"`
    : number !== null && number > problem.photoCount
      ? `tên tệp là của ảnh ${number} nhưng bài chỉ có ${problem.photoCount} ảnh (mỗi ảnh là một dòng chú thích lặp lại hai lần liền nhau)`
      : problem.listed
      ? `"photos:" khai nó nhưng bài chỉ có ${problem.photoCount} ảnh`
      : `bài có ${problem.photoCount} ảnh (mỗi ảnh là một dòng chú thích lặp lại hai lần liền nhau), tệp của ảnh thứ k phải tên "${problem.name}-k.jpg"`;
  return `Tệp ảnh "${problem.file}" bên cạnh bài không được dùng: ${why}. Đổi tên hay xoá tệp, hoặc thêm dòng chú thích cho ảnh.`;
}

/**
 * Warnings for photo problems, each on its photo line (`photoLines[k - 1]` is photo k's); a
 * stray file with no photo of its own is put on the last photo line, or line 1 without any.
 */
export function photoIssues(problems: readonly PhotoProblem[], photoLines: readonly number[]): Issue[] {
  const lineOf = (photo: number | null) => (photo !== null ? photoLines[photo - 1] : photoLines.at(-1)) ?? 1;
  return problems.map((problem) =>
    problem.kind === 'missing'
      ? siteIssue('warning', 'MISSING_PHOTO', lineOf(problem.photo), photoMessage(problem))
      : siteIssue('warning', 'UNUSED_PHOTO', lineOf(problem.photo), photoMessage(problem)),
  );
}
