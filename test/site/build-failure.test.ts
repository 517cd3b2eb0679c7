import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { build, type Built, FIXTURES, hashTree, simpleArticle } from './site-fixture.ts';

let content: string;
let out: string;
let before: Map<string, string>;
let failed: Built;

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-bad-'));
  await writeFile(path.join(content, 'tot.txt'), simpleArticle('Một bài không có lỗi', 1));
  const first = await build(content);
  expect(first.exitCode, first.issues).toBe(0);
  out = first.out;
  before = await hashTree(out);

  await copyFile(path.join(FIXTURES, '07-loi-khong-co-ngay.txt'), path.join(content, '07-loi-khong-co-ngay.txt'));
  await mkdir(path.join(content, 'sub'));
  await writeFile(path.join(content, 'sub', 'trong.txt'), '');
  failed = await build(content, { out });
});

test('a bad article fails the build with every FILE:LINE: CODE: message line', () => {
  expect(failed.exitCode).toBe(1);
  const lines = failed.issues.split('\n').filter((line) => /^\S+\.txt:\d+: [A-Z_]+: /.test(line));
  expect(lines.some((line) => line.startsWith(`${path.join(content, '07-loi-khong-co-ngay.txt')}:`))).toBe(true);
  expect(lines.some((line) => line.startsWith(`${path.join(content, 'sub', 'trong.txt')}:1: EMPTY_FILE: `))).toBe(true);
  expect(failed.issues).not.toMatch(/\n\s+at /); // no stack trace
  expect(failed.issues).toContain(`; trang cũ trong ${out} được giữ nguyên.`);
});

test('the previous output is left untouched and no temporary folder is left behind', async () => {
  expect(await hashTree(out)).toEqual(before);
  const siblings = await readdir(path.dirname(out));
  expect(siblings).toEqual(['_site']);
});

test('an unreadable photo fails the build with FILE:LINE: BAD_PHOTO on the photo line', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-bad-photo-'));
  await copyFile(path.join(FIXTURES, '03-hai-anh-bai-anh.txt'), path.join(dir, 'toi.txt'));
  await writeFile(path.join(dir, 'toi-1.jpg'), 'không phải ảnh');
  const result = await build(dir);
  expect(result.exitCode).toBe(1);
  expect(result.issues).toMatch(new RegExp(`^${path.join(dir, 'toi.txt')}:10: BAD_PHOTO: Không đọc được ảnh "toi-1\\.jpg"`, 'm'));
  expect(result.issues).not.toMatch(/\n\s+at /);
  expect(await readdir(path.dirname(result.out))).toEqual([]);
  // There was no old site to keep: the message must not claim one.
  expect(result.issues).not.toContain('được giữ nguyên');
  expect(result.issues).toContain(`chưa có trang nào trong ${result.out}, không có gì được ghi.`);
});
