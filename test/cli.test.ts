import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, '../shared/fixtures/articles');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT });
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
    expect(parsed.slug).toBe('dang-uy-khoi-cac-co-quan-tinh-tap-trung-huong-ve-co-so');
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
      expect.stringMatching(/seed\.txt:1: DUPLICATE_SLUG: .*\/2016\/06\/dang-uy-khoi-cac-co-quan-tinh-tap-trung-huong-ve-co-so-2\//),
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

  it('passes the committed content folder', async () => {
    const { code } = await cli('check');
    expect(code).toBe(0);
    expect((await readdir(join(ROOT, 'content'), { recursive: true })).some((name) => name.endsWith('.txt'))).toBe(true);
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
    expect(JSON.parse(stdout).author).toBe('X.THIÊN');
  });
});
