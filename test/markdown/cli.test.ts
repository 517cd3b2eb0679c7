/** `check` and `parse` on Markdown stories, through the real CLI. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
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

const STORY = `---
title: "Bài viết bằng Markdown"
date: 2024-05-01 07:30
lead: "Sapo của bài."
author: MINH ANH
---
Đoạn có [liên kết](https://example.com).

![Chú thích ảnh.](bai-1.jpg)
`;

describe('toa-soan check on Markdown stories', () => {
  it('lists .md stories in a folder, never its README.md, and reports front matter errors on their line', async () => {
    const content = await mkdtemp(join(tmpdir(), 'toa-soan-md-check-'));
    await mkdir(join(content, 'thoi-su'));
    await writeFile(join(content, 'README.md'), '# Ghi chú của tòa soạn\n\nKhông phải bài.\n');
    const withoutPhoto = STORY.replace(/\n!\[.*\n/, '');
    await writeFile(join(content, 'thoi-su', 'dung.md'), withoutPhoto);
    await writeFile(join(content, 'thoi-su', 'sai.md'), withoutPhoto.replace('date: 2024-05-01 07:30', 'date: 2024-02-31 07:30'));
    const { code, stdout, stderr } = await cli('check', '--content', content, content);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n').filter((line) => line.startsWith(content))).toEqual([
      expect.stringMatching(new RegExp(`^${join(content, 'thoi-su', 'sai.md')}:3: BAD_OVERRIDE: Trường "date" .*2016-06-11 07:38`)),
    ]);
    expect(`${stdout}${stderr}`).not.toContain('README.md');
  });

  it('warns on the photo line of a .md story when its photo file is missing beside photos of its own', async () => {
    const content = await mkdtemp(join(tmpdir(), 'toa-soan-md-photo-'));
    await writeFile(join(content, 'bai.md'), STORY);
    await writeFile(join(content, 'bai-2.jpg'), '');
    const { stdout } = await cli('check', '--content', content, content);
    expect(stdout).toMatch(new RegExp(`^${join(content, 'bai.md')}:9: MISSING_PHOTO: Ảnh 1 cần tệp "bai-1.jpg"`, 'm'));
  });

  it('says a missing photo file was named by the story itself, not by a "photos:" list it does not have', async () => {
    const content = await mkdtemp(join(tmpdir(), 'toa-soan-md-named-'));
    await writeFile(join(content, 'bai.md'), STORY.replace('(bai-1.jpg)', '(cang-ca.jpg)'));
    const { stdout } = await cli('check', '--content', content, content);
    expect(stdout).toContain(
      `${join(content, 'bai.md')}:9: MISSING_PHOTO: Ảnh 1 cần tệp "cang-ca.jpg" (tên ghi ở ảnh này trong bài, hay trong "photos:" ở phần đầu); không có tệp đó bên cạnh bài.`,
    );
  });
});

describe('toa-soan parse on a Markdown story', () => {
  it('prints the story back as Markdown with the same body', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'toa-soan-md-parse-')), 'bai.md');
    await writeFile(file, STORY);
    const { code, stdout } = await cli('parse', file);
    expect(code).toBe(0);
    expect(stdout).toContain("title: Bài viết bằng Markdown\ndate: '2024-05-01T07:30:00+07:00'\nauthor: MINH ANH\n");
    expect(stdout.endsWith(`---\n${STORY.split('---\n')[2]}`)).toBe(true);
  });
});
