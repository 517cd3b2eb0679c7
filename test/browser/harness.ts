/**
 * What the browser and publishing tests need to meet the site as a reader does: the fixtures built into a
 * temporary folder under a path prefix, that folder served by a real static file server (Debian's nginx),
 * and Debian's Chromium with a fresh profile. Each piece is started and stopped by the test that uses it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from 'axe-core';
import { chromium, type BrowserContext } from 'playwright-core';
import { FIXTURES, publishableFixtureFiles } from '../fixtures.ts';

export const ROOT = join(import.meta.dirname, '../..');
export { FIXTURES };
export const CHROMIUM = '/usr/bin/chromium';
export const NGINX = '/usr/sbin/nginx';
export const PREFIX = '/tin/';
const INSTALL_HINT = 'apt-get install -y chromium nginx';

/** Fails (never skips) when a tool the reader tests drive is missing, saying how to install it. */
export function requireTools(tools: readonly string[] = [CHROMIUM, NGINX]): void {
  const missing = tools.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`Browser tests need ${missing.join(' and ')}; install them with: ${INSTALL_HINT}`);
  }
}

export async function tempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `toa-soan-${label}-`));
}

/** An article in the newsroom export format, simple enough to be read without warnings. */
export function extraArticle(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(1 + Math.floor(n / 28)).padStart(2, '0');
  return [
    `Cập nhật lúc: 08:${String(n % 60).padStart(2, '0')}, ${day}/${month}/2015 [GMT+7]`,
    '',
    `Tin ngắn số ${n} về đời sống ở Quảng Ngãi`,
    '',
    `(Báo Quảng Ngãi)- Bản tin số ${n}: người dân xã Tịnh Khê chuẩn bị mùa vụ mới.`,
    '',
    `Đoạn thân bài của tin số ${n}, kể chuyện bà con ra đồng từ sáng sớm.`,
    '',
    'Tin: MINH ANH',
    '',
  ].join('\n');
}

export const EXTRA_ARTICLES = 25;

/**
 * A content folder holding every fixture article but those that must be rejected, plus
 * EXTRA_ARTICLES generated ones so the listing has a second page.
 */
export async function fixtureContent(): Promise<string> {
  const dir = await tempDir('content');
  for (const name of publishableFixtureFiles()) await copyFile(join(FIXTURES, name), join(dir, name));
  for (let n = 1; n <= EXTRA_ARTICLES; n++) {
    await writeFile(join(dir, `tin-ngan-${String(n).padStart(2, '0')}.txt`), extraArticle(n));
  }
  return dir;
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the project's CLI (`tsx src/cli.ts ARGS`) from the repository root. */
export function cli(args: string[], options: { cwd?: string } = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'src/cli.ts'), ...args],
      { cwd: options.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Builds `content` into `output`; throws with the build's own messages when it fails. */
export async function buildSite(content: string, output: string, prefix: string, siteUrl: string): Promise<void> {
  const result = await cli(['build', '--content', content, '--output', output, '--prefix', prefix, '--site-url', siteUrl, '--quiet']);
  if (result.code !== 0) throw new Error(`build exited ${result.code}:\n${result.stderr}${result.stdout}`);
}

/** A port on 127.0.0.1 that was free a moment ago (nginx binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The `server { … }` block that serves `siteDir` at http://127.0.0.1:PORT/PREFIX with the site's 404 page. */
export function serverBlock(siteDir: string, port: number, prefix: string): string {
  return `server {
  listen 127.0.0.1:${port};
  location ${prefix} {
    alias ${siteDir.replace(/\/?$/, '/')};
  }
  error_page 404 ${prefix}404.html;
}`;
}

/**
 * A whole nginx.conf around `server`: in the foreground, every log, pid and temporary file in `workDir`,
 * Debian's MIME types, UTF-8 declared for HTML, CSS, text, XML and JSON.
 */
export function nginxConfig(workDir: string, server: string): string {
  const temp = (name: string) => join(workDir, 'temp', name);
  // As root, nginx's workers would otherwise drop to `nobody`, who cannot enter a mkdtemp folder (mode 0700).
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  return `daemon off;
${user}worker_processes 1;
pid ${join(workDir, 'nginx.pid')};
error_log ${join(workDir, 'error.log')} warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/plain text/xml application/xml application/json;
  access_log ${join(workDir, 'access.log')};
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
${server}
}
`;
}

export interface StaticServer {
  /** http://127.0.0.1:PORT — the prefix is not included. */
  origin: string;
  stop(): Promise<void>;
}

async function waitForServer(origin: string, child: ChildProcess, log: () => Promise<string>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${await log()}`);
    try {
      await fetch(origin);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nginx did not answer at ${origin}:\n${await log()}`);
}

/** Serves `siteDir` under `prefix` with nginx on `port`, until stop(). */
export function serveWithNginx(siteDir: string, port: number, prefix = PREFIX): Promise<StaticServer> {
  return startNginx(serverBlock(siteDir, port, prefix), port);
}

/** Starts nginx with `server` (a `server { … }` block listening on 127.0.0.1:`port`) and waits until it answers. */
export async function startNginx(server: string, port: number): Promise<StaticServer> {
  requireTools();
  const workDir = await tempDir('nginx');
  await mkdir(join(workDir, 'temp'));
  const conf = join(workDir, 'nginx.conf');
  await writeFile(conf, nginxConfig(workDir, server));
  const child = spawn(NGINX, ['-c', conf, '-p', workDir, '-e', join(workDir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = async () => stderr + (await readFile(join(workDir, 'error.log'), 'utf8').catch(() => ''));
  const origin = `http://127.0.0.1:${port}`;
  await waitForServer(origin, child, log);
  return {
    origin,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile that is removed on close(). */
export async function launchBrowser(): Promise<Browser> {
  requireTools();
  const profile = await tempDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The fixtures built under PREFIX, served by nginx, and a browser: everything a reader test needs. */
export interface ReaderSite {
  /** http://127.0.0.1:PORT/tin/ */
  home: string;
  origin: string;
  siteDir: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openReaderSite(): Promise<ReaderSite> {
  requireTools();
  const content = await fixtureContent();
  const siteDir = join(await tempDir('site'), '_site');
  const port = await freePort();
  await buildSite(content, siteDir, PREFIX, `http://127.0.0.1:${port}/`);
  const server = await serveWithNginx(siteDir, port);
  const browser = await launchBrowser().catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  return {
    home: `${server.origin}${PREFIX}`,
    origin: server.origin,
    siteDir,
    browser,
    async close() {
      await browser.close();
      await server.stop();
      await rm(content, { recursive: true, force: true });
      await rm(join(siteDir, '..'), { recursive: true, force: true });
    },
  };
}

/** Fetches `url` until `accept` says yes, for at most `ms`; returns the last body. */
export async function pollUntil(url: string, accept: (status: number, body: string) => boolean, ms = 60_000): Promise<string> {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      last = await response.text();
      if (accept(response.status, last)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never became as expected; last body: ${last.slice(0, 200)}`);
}

/** axe's violations on the page at `url`, each with its rule, help and failing nodes, for a failed assertion's message. */
export function describeViolations(url: string, violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      return `${url}: ${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n\n');
}

export interface Preview {
  base: string;
  server: ChildProcess;
  /** What the preview has printed on stderr so far. */
  stderr: () => string;
}

/** The preview (`serve`) of `content` into `output`, started as `npm start` starts it; resolves once it answers. */
export async function startPreview(content: string, output: string): Promise<Preview> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--content', content, '--output', output, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  await pollUntil(`${base}/`, (status) => status === 200, 120_000);
  return { base, server, stderr: () => stderr };
}
