/** The preview (`serve`) watches Markdown stories as it watches text ones: a saved `.md` file is rebuilt, a broken one reported. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pollUntil, startPreview, type Preview } from '../browser/harness.ts';

function markdownStory(title: string, body: string): string {
  return `---\ntitle: "${title}"\ndate: 2024-05-01 07:30\nlead: "Sapo của bài viết bằng Markdown."\nauthor: MINH ANH\n---\n${body}\n`;
}

let content: string;
let preview: Preview;

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-md-serve-'));
  await writeFile(path.join(content, 'bai.md'), markdownStory('Bài Markdown xem trước', 'Đoạn đầu tiên.'));
  const output = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-md-serve-site-')), '_site');
  preview = await startPreview(content, output);
});

afterAll(() => {
  preview?.server.kill();
});

test('a saved Markdown story is rebuilt with what Markdown adds; a broken one is reported on its front matter line', async () => {
  const url = `${preview.base}/2024/05/bai-markdown-xem-truoc/`;
  expect(await pollUntil(url, (status) => status === 200)).toContain('<p>Đoạn đầu tiên.</p>');
  await writeFile(path.join(content, 'bai.md'), markdownStory('Bài Markdown xem trước', 'Đoạn có **chữ đậm**.\n\n- một\n- hai'));
  const page = await pollUntil(url, (_, body) => body.includes('<strong>chữ đậm</strong>'));
  expect(page).toContain('<li>một</li>');
  await writeFile(path.join(content, 'bai.md'), markdownStory('Bài Markdown xem trước', 'Đoạn.').replace('date: 2024-05-01 07:30', 'date: 2024-02-31 07:30'));
  const deadline = Date.now() + 60_000;
  while (!/bai\.md:3: BAD_OVERRIDE: /.test(preview.stderr()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(preview.stderr()).toMatch(/bai\.md:3: BAD_OVERRIDE: /);
  expect(await pollUntil(url, (status) => status === 200)).toContain('<strong>chữ đậm</strong>');
});
