import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures.ts';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliIn(ROOT, ...args);
}

async function cliIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [join(ROOT, 'src/cli.ts'), ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const { code, stdout, stderr } = err as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const STAMP = 'Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]';

describe('toa-soan parse', () => {
  it('prints exactly one JSON object with the article fields', async () => {
    const { code, stdout } = await cli('parse', '--json', join(FIXTURES, 'seed.txt'));
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(Object.keys(parsed)).toEqual(['title', 'date', 'author', 'credit', 'source', 'lead', 'headings', 'captions', 'body', 'slug']);
    expect(parsed.slug).toBe('dang-uy-xa-an-hai-ly-son-dua-nghi-quyet-den-voi-ngu-dan');
  });

  it('rejects a bad file with one FILE:LINE: CODE line on stderr, no article and no stack trace', async () => {
    const file = join(FIXTURES, '07-loi-khong-co-ngay.txt');
    const { code, stdout, stderr } = await cli('parse', '--json', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: NO_DATE: `));
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('names a missing file instead of throwing', async () => {
    const { code, stderr } = await cli('parse', 'khong-co.txt');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^khong-co\.txt:1: NO_FILE: /);
  });
});

describe('toa-soan check', () => {
  it('reports every problem of every file at once, and exits 1 on errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'toa-soan-check-'));
    await mkdir(join(dir, 'thoi-su'));
    await writeFile(join(dir, 'thoi-su/a.txt'), `${STAMP}\nTiêu đề\nSapo.\nĐoạn cuối là câu.\n`);
    await writeFile(join(dir, 'b.txt'), `Cập nhật lúc: 07:38, 31/02/2016\nTiêu đề\nSapo.\n`);
    await writeFile(join(dir, 'c.txt'), '   \n');
    await copyFile(join(FIXTURES, 'seed.txt'), join(dir, 'seed.txt'));
    await copyFile(join(FIXTURES, 'seed.txt'), join(dir, 'seed-copy.txt'));
    const { code, stdout } = await cli('check', dir);
    await rm(dir, { recursive: true });
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines.map((line) => line.replace(dir + '/', ''))).toEqual([
      expect.stringMatching(/b\.txt:1: BAD_TIMESTAMP: /),
      expect.stringMatching(/b\.txt:3: NO_BYLINE: /),
      expect.stringMatching(/c\.txt:1: EMPTY_FILE: /),
      expect.stringMatching(/seed\.txt:1: DUPLICATE_SLUG: .*\/2018\/05\/dang-uy-xa-an-hai-ly-son-dua-nghi-quyet-den-voi-ngu-dan-2\//),
      expect.stringMatching(/thoi-su\/a\.txt:4: NO_BYLINE: /),
    ]);
  });

  it('speaks GitHub annotations and JSON', async () => {
    const github = await cli('check', '--format', 'github', FIXTURES);
    expect(github.stdout).toMatch(/^::error file=.*07-loi-khong-co-ngay\.txt,line=1,title=NO_DATE::/m);
    const json = await cli('check', '--format', 'json', FIXTURES);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ code: 'NO_DATE', line: 1, severity: 'error' })]);
    expect(json.code).toBe(1);
  });

  it('names the real file in every format, not a placeholder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'check-name-'));
    const file = join(dir, 'cu.txt');
    // "Cập nhật" in Windows-1258 bytes: not UTF-8, and the message tells the editor the convert command for this file.
    await writeFile(file, Buffer.from([0x43, 0xe2, 0xd2, 0x70, 0x20, 0x6e, 0x68, 0xe2, 0xf2, 0x74, 0x0a]));
    for (const format of ['text', 'github', 'json']) {
      const { stdout } = await cli('check', '--format', format, file);
      expect(stdout).toContain(`convert`);
      expect(stdout).toContain(file);
      expect(stdout).not.toContain('‹TỆP›');
    }
  });

  it('passes the committed content folder', async () => {
    const { code } = await cli('check');
    expect(code).toBe(0);
    expect((await readdir(join(ROOT, 'content'), { recursive: true })).some((name) => name.endsWith('.txt'))).toBe(true);
  });
});

/** A content folder for one run: `content/` inside a fresh temporary folder, which is the working directory. */
async function newsroom(files: Record<string, string | null>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'toa-soan-newsroom-'));
  for (const [name, fixture] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    if (fixture === null) await writeFile(join(root, name), 'ảnh');
    else await copyFile(join(FIXTURES, fixture), join(root, name));
  }
  return root;
}

/** The problem lines of an output, without the summary and refusal lines. */
function issueLines(output: string): string[] {
  return output.split('\n').filter((line) => /^[^:\s]+:\d+: [A-Z_]+: /.test(line));
}

describe('toa-soan check on files and folders', () => {
  it('takes any mix of files and folders, names a missing path in one line and still checks the others', async () => {
    const root = await newsroom({
      'content/thoi-su/a.txt': 'seed.txt',
      'content/am-thuc/b.txt': '05-tieu-de-hoi.txt',
      'content/kinh-te/c.txt': '07-loi-khong-co-ngay.txt',
    });
    const { code, stdout, stderr } = await cliIn(root, 'check', 'content/thoi-su/a.txt', 'khong-co.txt', 'content/am-thuc');
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^content\/am-thuc\/b\.txt:1: UNKNOWN_SECTION: Chuyên mục "am-thuc" /),
      'khong-co.txt:1: NO_FILE: Không có tệp hay thư mục "khong-co.txt"; kiểm tra lại đường dẫn.',
    ]);
    expect(stderr).toBe('Đã kiểm tra 2 bài: 1 lỗi, 1 cảnh báo.\n');
  });

  it('finds the section of a file given alone from the content folder, default or --content', async () => {
    const root = await newsroom({ 'content/am-thuc/b.txt': 'seed.txt', 'kho/am-thuc/b.txt': 'seed.txt' });
    expect(issueLines((await cliIn(root, 'check', 'content/am-thuc/b.txt')).stdout)).toEqual([expect.stringMatching(/^content\/am-thuc\/b\.txt:1: UNKNOWN_SECTION: /)]);
    expect(issueLines((await cliIn(root, 'check', '--content', 'kho', 'kho/am-thuc/b.txt')).stdout)).toEqual([expect.stringMatching(/^kho\/am-thuc\/b\.txt:1: UNKNOWN_SECTION: /)]);
    // Outside the content folder a file has no section to warn about.
    expect(issueLines((await cliIn(root, 'check', 'kho/am-thuc/b.txt')).stdout)).toEqual([]);
  });

  it('compares a file given alone with every article of the content folder for a clashing address', async () => {
    const root = await newsroom({ 'content/thoi-su/a.txt': 'seed.txt', 'content/thoi-su/b.txt': 'seed.txt' });
    expect(issueLines((await cliIn(root, 'check', 'content/thoi-su/b.txt')).stdout)).toEqual([expect.stringMatching(/^content\/thoi-su\/b\.txt:1: DUPLICATE_SLUG: /)]);
    expect(issueLines((await cliIn(root, 'check', 'content/thoi-su/a.txt')).stdout)).toEqual([]);
  });

  it('says which photo file a photo line lacks and which file it found instead, on the photo line', async () => {
    // 03-hai-anh-bai-anh.txt has its two photo lines at lines 10 and 17.
    const root = await newsroom({
      'content/thoi-su/toi.txt': '03-hai-anh-bai-anh.txt',
      'content/thoi-su/toi-1.JPG': null,
      'content/thoi-su/toi-khuc_2.jpg': null,
      'content/thoi-su/toi-3.jpg': null,
    });
    const { code, stdout } = await cliIn(root, 'check', 'content/thoi-su/toi.txt');
    expect(code).toBe(0);
    expect(issueLines(stdout)).toEqual([
      expect.stringMatching(/^content\/thoi-su\/toi\.txt:17: MISSING_PHOTO: Ảnh 2 cần tệp "toi-2\.jpg"; thấy "toi-khuc_2\.jpg" /),
      expect.stringMatching(/^content\/thoi-su\/toi\.txt:17: UNUSED_PHOTO: Tệp ảnh "toi-3\.jpg" .*ảnh 3 nhưng bài chỉ có 2 ảnh/),
    ]);
  });

  it('reports the same problems, word for word, as the build does on the same folder', async () => {
    const root = await newsroom({
      'content/thoi-su/a.txt': 'seed.txt',
      'content/thoi-su/b.txt': 'seed.txt',
      'content/am-thuc/c.txt': '05-tieu-de-hoi.txt',
      'content/thoi-su/toi.txt': '03-hai-anh-bai-anh.txt',
      'content/thoi-su/toi-1.jpg': null,
      'content/thoi-su/toi-9.jpg': null,
      'content/thoi-su/loi.txt': '07-loi-khong-co-ngay.txt',
    });
    const check = await cliIn(root, 'check');
    const build = await cliIn(root, 'build', '--content', 'content', '--output', 'site', '--quiet', '--no-search');
    expect(check.code).toBe(1);
    expect(build.code).toBe(1);
    const checked = issueLines(check.stdout);
    expect(checked.map((line) => line.split(': ')[0] + ': ' + line.split(': ')[1])).toEqual([
      'content/am-thuc/c.txt:1: UNKNOWN_SECTION',
      'content/thoi-su/b.txt:1: DUPLICATE_SLUG',
      'content/thoi-su/loi.txt:1: NO_DATE',
      'content/thoi-su/toi.txt:17: MISSING_PHOTO',
    ]);
    expect(checked.find((line) => line.includes('MISSING_PHOTO'))).toContain('"toi-9.jpg"');
    expect([...issueLines(build.stderr)].sort()).toEqual([...checked].sort());
  });
});

describe('a bad command line', () => {
  const cases: [string, string[], RegExp][] = [
    ['parse', ['--foo', 'a.txt'], /không có tuỳ chọn "--foo"/],
    ['parse', ['--json=1', 'a.txt'], /tuỳ chọn "--json" không nhận giá trị/],
    ['parse', ['a.txt', 'b.txt'], /cần đúng một tệp/],
    ['check', ['--foo'], /không có tuỳ chọn "--foo"/],
    ['check', ['--content'], /tuỳ chọn "--content" cần một giá trị/],
    ['check', ['--format', 'xml'], /định dạng "xml" không có/],
    ['build', ['--foo'], /không có tuỳ chọn "--foo"/],
    ['build', ['--content'], /tuỳ chọn "--content" cần một giá trị/],
    ['build', ['--content', '--quiet'], /tuỳ chọn "--content" cần một giá trị/],
    ['build', ['thua'], /không cần tham số "thua"/],
    ['serve', ['--foo'], /không có tuỳ chọn "--foo"/],
    ['serve', ['--port'], /tuỳ chọn "--port" cần một giá trị/],
    ['serve', ['thua'], /không cần tham số "thua"/],
    ['convert', ['--foo', 'a.txt'], /không có tuỳ chọn "--foo"/],
    ['convert', ['--from'], /tuỳ chọn "--from" cần một giá trị/],
    ['convert', ['-x', 'a.txt'], /không có tuỳ chọn "-x"/],
  ];

  it.each(cases)('%s %j: one line naming the problem, the usage, exit 2', async (name, args, problem) => {
    const { code, stdout, stderr } = await cli(name, ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [first, usage, ...rest] = stderr.trimEnd().split('\n');
    expect(first).toMatch(new RegExp(`^toa-soan ${name}: `));
    expect(first).toMatch(problem);
    expect(usage).toMatch(new RegExp(`^Cách dùng \\(usage\\): toa-soan ${name} `));
    expect(rest).toEqual([`(toa-soan ${name} --help cho biết chi tiết)`]);
  });
});

describe('--help', () => {
  it.each(['parse', 'check'])('%s explains itself', async (name) => {
    const { code, stdout } = await cli(name, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`toa-soan ${name}`));
  });

  it('the CLI lists its commands', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/parse/);
  });
});

describe('the package bin', () => {
  it('runs the TypeScript CLI without a compile step', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/toa-soan.js'), 'parse', '--json', join(FIXTURES, 'seed.txt')], { cwd: tmpdir() });
    expect(JSON.parse(stdout).author).toBe('T.TRIỀU');
  });
});

describe('what no command foresaw', () => {
  it('an output folder under a file: one line, exit 1, no stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-unforeseen-'));
    await writeFile(join(dir, 'tep'), 'không phải thư mục');
    await mkdir(join(dir, 'content'));
    await copyFile(join(FIXTURES, 'seed.txt'), join(dir, 'content', 'seed.txt'));
    const { code, stderr } = await cli('build', '--content', join(dir, 'content'), '--output', join(dir, 'tep', '_site'), '--no-search', '--quiet');
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^toa-soan build: /);
  });

  it.each([['content'], ['.'], ['_site'], ['content/thoi-su']])('serve refuses --output %s, a folder it would empty', async (output) => {
    const { code, stderr } = await cli('serve', '--output', output, '--port', '8765');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/^toa-soan serve: --output /);
  });
});
