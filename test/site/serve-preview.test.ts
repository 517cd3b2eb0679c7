import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { freePort } from '../browser/harness.ts';
import { simpleArticle } from './site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX_LOADER = import.meta.resolve('tsx');

/** A running preview: its first process, and everything it printed so far. */
interface Preview {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const started: Preview[] = [];

/** Starts `command` in a process group of its own (so a failed test can end the whole tree) and collects its output. */
function startPreview(command: string, args: string[], cwd: string): Preview {
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const preview = { child, output: () => output, exited };
  started.push(preview);
  return preview;
}

/** The preview CLI itself, through node with tsx's loader, as `npm start` runs it. */
function serve(cwd: string, args: string[]): Preview {
  return startPreview(process.execPath, ['--import', TSX_LOADER, path.join(cwd, 'src', 'cli.ts'), 'serve', ...args], cwd);
}

afterEach(() => {
  for (const { child } of started.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
});

async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The body at `url` once `accept` likes it. */
function pageWhen(url: string, accept: (body: string, status: number) => boolean): Promise<string> {
  return waitFor(url, async () => {
    try {
      const response = await fetch(url);
      const body = await response.text();
      return accept(body, response.status) ? body : undefined;
    } catch {
      return undefined;
    }
  });
}

async function refuses(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
}

function ready(preview: Preview): Promise<true> {
  return waitFor('the preview to be ready', () => {
    if (/Sẵn sàng/.test(preview.output())) return true;
    if (preview.child.exitCode !== null) throw new Error(`the preview exited: ${preview.output()}`);
    return undefined;
  });
}

/** A small content folder: three stories in `loat/`. */
async function makeSmallContent(parent: string): Promise<string> {
  const content = path.join(parent, 'content');
  await mkdir(path.join(content, 'loat'), { recursive: true });
  for (const day of [1, 2, 3]) await writeFile(path.join(content, 'loat', `bai-${day}.txt`), simpleArticle(`Tin ngắn số ${day} trong ngày`, day));
  return content;
}

/** Every process whose parent chain leads to `root`, `root` included, from /proc. */
async function processTree(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (stat) parents.set(Number(name), ppid);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** Alive and not a zombie waiting for a parent that never reaps it. */
async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** File path → mtime of every file under `dir`. */
async function snapshot(dir: string): Promise<Record<string, number>> {
  const files: Record<string, number> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = (await stat(file)).mtimeMs;
  }
  return files;
}

describe('serve', () => {
  test('listens on 127.0.0.1 only, previews into its own folder, sees every save, and stops on SIGTERM', async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-preview-'));
    const content = await makeSmallContent(project);
    // A published build beside it, search index included: the preview must not touch it.
    await mkdir(path.join(project, '_site', 'pagefind'), { recursive: true });
    await writeFile(path.join(project, '_site', 'index.html'), '<p>bản đã xuất bản</p>');
    await writeFile(path.join(project, '_site', 'pagefind', 'pagefind.js'), '// chỉ mục');
    const published = await snapshot(path.join(project, '_site'));
    const port = await freePort();
    const preview = startPreview(process.execPath, ['--import', TSX_LOADER, path.join(ROOT, 'src', 'cli.ts'), 'serve', '--content', 'content', '--port', String(port)], project);
    await ready(preview);
    const base = `http://127.0.0.1:${port}`;
    expect(preview.output()).toContain(`${base}/`);

    expect((await fetch(`${base}/`)).status).toBe(200);
    expect(await refuses(`http://127.0.0.2:${port}/`)).toBe(true);
    expect((await stat(path.join(project, '.cache', 'serve', String(port), 'index.html'))).isFile()).toBe(true);

    // Saved the way vim, gedit and sed -i do: a new file renamed over the old one, three times over.
    const story = path.join(content, 'loat', 'bai-2.txt');
    for (const round of [1, 2, 3]) {
      const title = `Tin số hai sửa lần ${round}`;
      await writeFile(`${story}.tmp`, simpleArticle(title, 2));
      await rename(`${story}.tmp`, story);
      await pageWhen(`${base}/2022/03/tin-so-hai-sua-lan-${round}/`, (body, status) => status === 200 && body.includes(`<h1>${title}</h1>`));
    }
    // Deleted and written again, then a story in a folder that did not exist when the preview started.
    await rm(story);
    await writeFile(story, simpleArticle('Tin số hai viết lại', 2));
    await pageWhen(`${base}/2022/03/tin-so-hai-viet-lai/`, (_, status) => status === 200);
    await mkdir(path.join(content, 'moi', 'sau'), { recursive: true });
    await writeFile(path.join(content, 'moi', 'sau', 'bai.txt'), simpleArticle('Tin trong thư mục mới', 9));
    await pageWhen(`${base}/2022/03/tin-trong-thu-muc-moi/`, (_, status) => status === 200);
    await pageWhen(`${base}/`, (body) => body.includes('/2022/03/tin-trong-thu-muc-moi/'));
    // The report names the story edited and its address, and counts the pages rendered.
    expect(preview.output()).toMatch(/Đã dựng lại \d+ trang bài trong [\d.]+ giây: 1 bài đã sửa/);
    expect(preview.output()).toContain(`${path.join('content', 'moi', 'sau', 'bai.txt')} → /2022/03/tin-trong-thu-muc-moi/`);

    preview.child.kill('SIGTERM');
    expect(await preview.exited).toBe(143);
    expect(preview.output()).toContain('Đã dừng máy chủ xem trước (SIGTERM).');
    expect(await refuses(`${base}/`)).toBe(true);
    expect(await snapshot(path.join(project, '_site'))).toEqual(published);
  });

  test('--host 0.0.0.0 shares the preview, and says that the network can read it', async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-preview-'));
    const content = await makeSmallContent(project);
    const port = await freePort();
    const preview = serve(ROOT, ['--content', content, '--output', path.join(project, 'preview'), '--port', String(port), '--host', '0.0.0.0']);
    await ready(preview);
    expect(preview.output()).toMatch(/mọi máy trong mạng .* đều xem được bản xem trước, kể cả bài chưa đăng/);
    expect((await fetch(`http://127.0.0.2:${port}/`)).status).toBe(200);
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(130);
  });

  test('a busy port is one clear line and exit 1, and the running preview keeps its folder', async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-preview-'));
    const content = await makeSmallContent(project);
    const port = await freePort();
    const output = path.join(project, 'preview');
    const first = serve(ROOT, ['--content', content, '--output', output, '--port', String(port)]);
    await ready(first);
    const second = serve(ROOT, ['--content', content, '--output', output, '--port', String(port)]);
    expect(await second.exited).toBe(1);
    expect(second.output()).toBe(`toa-soan serve: cổng ${port} trên 127.0.0.1 đang được dùng; dừng chương trình kia hoặc chọn --port khác\n`);
    expect((await stat(path.join(output, 'index.html'))).isFile()).toBe(true);
    first.child.kill('SIGTERM');
    await first.exited;
  });

  // Each layer a signal may reach: npm, the server behind `npm start`, and tsx's wrapper for `npx tsx`.
  // tsx's wrapper relays a signal and SIGKILLs a child that has not acknowledged it within 30 ms
  // (tsx's relaySignal), which a busy machine can miss: there the server may not get to say it
  // stopped, and what is asserted is that nothing is left running and the port is free.
  const layers: { name: string; command: (args: string[]) => [string, string[]]; target: (tree: number[]) => number; saysStopped: boolean }[] = [
    { name: 'npm start, signalled at npm', command: (args) => ['npm', ['start', '--silent', '--', ...args]], target: (tree) => tree[0]!, saysStopped: true },
    { name: 'npm start, signalled at the server', command: (args) => ['npm', ['start', '--silent', '--', ...args]], target: (tree) => tree[1]!, saysStopped: true },
    { name: 'tsx, signalled at its wrapper', command: (args) => [path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli.ts', 'serve', ...args]], target: (tree) => tree[0]!, saysStopped: false },
  ];
  for (const layer of layers) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      test(`${layer.name} with ${signal}: every process ends and the port is free`, async () => {
        const project = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-preview-'));
        const content = await makeSmallContent(project);
        const port = await freePort();
        const [command, args] = layer.command(['--content', content, '--output', path.join(project, 'preview'), '--port', String(port)]);
        const preview = startPreview(command, args, ROOT);
        await ready(preview);
        expect(await refuses(`http://127.0.0.2:${port}/`)).toBe(true);
        const tree = await processTree(preview.child.pid!);
        // npm (or tsx's wrapper), the server, its renderer.
        expect(tree.length).toBeGreaterThanOrEqual(3);
        process.kill(layer.target(tree), signal);
        expect(await preview.exited).not.toBe(0);
        await waitFor('every process of the preview to end', async () => ((await Promise.all(tree.map(isRunning))).some(Boolean) ? undefined : true), 15_000);
        expect(await refuses(`http://127.0.0.1:${port}/`)).toBe(true);
        if (layer.saysStopped) expect(preview.output()).toContain(`Đã dừng máy chủ xem trước (${signal}).`);
      });
    }
  }

  test('a changed stylesheet or template shows without a restart', async () => {
    // A copy of the program, so the templates edited here are no other test's.
    const copy = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-copy-'));
    for (const item of ['src', 'templates', '.eleventy.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) await cp(path.join(ROOT, item), path.join(copy, item), { recursive: true });
    await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const content = await makeSmallContent(copy);
    const port = await freePort();
    const preview = serve(copy, ['--content', content, '--port', String(port)]);
    await ready(preview);
    const base = `http://127.0.0.1:${port}`;
    const css = path.join(copy, 'templates', 'style.css');
    await writeFile(css, `${await readFile(css, 'utf8')}\n.site-footer { color: #123456; }\n`);
    await pageWhen(`${base}/style.css`, (body) => body.includes('#123456'));
    const footer = path.join(copy, 'templates', 'partials', 'footer.ts');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace('Nhận tin qua RSS/Atom', 'Đọc tin qua RSS'));
    await pageWhen(`${base}/2022/03/tin-ngan-so-2-trong-ngay/`, (body) => body.includes('Đọc tin qua RSS'));
    // Articles saved after the templates changed are rendered with the new ones too.
    await writeFile(path.join(content, 'loat', 'bai-1.txt'), simpleArticle('Tin số một sau khi đổi mẫu', 1));
    await pageWhen(`${base}/2022/03/tin-so-mot-sau-khi-doi-mau/`, (body) => body.includes('Đọc tin qua RSS'));
    preview.child.kill('SIGTERM');
    expect(await preview.exited).toBe(143);
  });
});
