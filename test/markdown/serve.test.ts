/** The preview (`serve`) watches Markdown stories as it watches text ones: a saved `.md` file is rebuilt, a broken one reported. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort, pollUntil } from '../browser/harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function markdownStory(title: string, body: string): string {
  return `---\ntitle: "${title}"\ndate: 2024-05-01 07:30\nlead: "Sapo của bài viết bằng Markdown."\nauthor: MINH ANH\n---\n${body}\n`;
}

let content: string;
let base: string;
let server: ChildProcess;
let stderr = '';

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-md-serve-'));
  await writeFile(path.join(content, 'bai.md'), markdownStory('Bài Markdown xem trước', 'Đoạn đầu tiên.'));
  const output = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-md-serve-site-')), '_site');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--content', content, '--output', output, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  await pollUntil(`${base}/`, (status) => status === 200, 120_000);
});

afterAll(() => {
  server?.kill();
});

test('a saved Markdown story is rebuilt with what Markdown adds; a broken one is reported on its front matter line', async () => {
  const url = `${base}/2024/05/bai-markdown-xem-truoc/`;
  expect(await pollUntil(url, (status) => status === 200)).toContain('<p>Đoạn đầu tiên.</p>');
  await writeFile(path.join(content, 'bai.md'), markdownStory('Bài Markdown xem trước', 'Đoạn có **chữ đậm**.\n\n- một\n- hai'));
  const page = await pollUntil(url, (_, body) => body.includes('<strong>chữ đậm</strong>'));
  expect(page).toContain('<li>một</li>');
  await writeFile(path.join(content, 'bai.md'), markdownStory('Bài Markdown xem trước', 'Đoạn.').replace('date: 2024-05-01 07:30', 'date: 2024-02-31 07:30'));
  const deadline = Date.now() + 60_000;
  while (!/bai\.md:3: BAD_OVERRIDE: /.test(stderr) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(stderr).toMatch(/bai\.md:3: BAD_OVERRIDE: /);
  expect(await pollUntil(url, (status) => status === 200)).toContain('<strong>chữ đậm</strong>');
});
