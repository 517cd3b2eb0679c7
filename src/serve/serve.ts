/**
 * The serve stage: the editors' private preview. A dev server with live reload serves the site a
 * renderer process (serve-renderer.ts) writes into the preview's own folder; every saved article,
 * photo or template is sent to it, and it re-renders only the pages the change affects
 * (affected.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import chokidar from 'chokidar';
import { isStoryFile } from '../corpus/article-files.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import { PHOTO_EXTENSIONS } from '../corpus/photos.ts';
import type { FromRenderer, RendererOptions, ToRenderer } from './serve-renderer.ts';
import { forkWorker } from '../workers/worker-process.ts';

export interface ServeOptions {
  contentDir: string;
  /** The preview's own folder, wiped at start: never the publishable `_site/`. */
  outputDir: string;
  port: number;
  /** The address to listen on: loopback keeps drafts on this machine. */
  host: string;
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
  /** Which optional features the site has (`TOA_SOAN_WITHOUT`, read by the command). */
  features: SiteFeatures;
}

/** A reason the server could not start, worded for the editor. */
export class ServeError extends Error {}

/** Saves come in bursts (write, rename, touch): changes are collected this long before a rebuild. */
const SETTLE_MS = 60;
/** Stopping waits this long for the renderer and open connections, then exits regardless. */
const STOP_GRACE_MS = 3000;

/** Ctrl+C, a service manager or script, a closed terminal. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const RENDERER = fileURLToPath(new URL('./serve-renderer.ts', import.meta.url));
const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The preview's folder when `--output` is not given: git-ignored, one per port so two previews never share one. */
export function defaultPreviewDir(port: number): string {
  return path.join('.cache', 'serve', String(port));
}

/** Whether only this machine can reach an address. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The dev server for editors. Listens on `host:port`, renders the whole site into its own folder
 * in a renderer process (`serve-renderer.ts`), serves it with live reload, and sends that process
 * every saved article or photo, however the editor's program writes it. A change under
 * `templates/` replaces the renderer, which renders every page again with the new templates.
 * Resolves with the exit status once SIGINT or SIGTERM has stopped it.
 */
export async function serveSite(options: ServeOptions): Promise<number> {
  let stopping = false;
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    // Set at once: Ctrl+C reaches the renderer too, whose exit must not read as a crash.
    const stop = (signal: NodeJS.Signals) => {
      stopping = true;
      resolve(signal);
    };
    for (const signal of STOP_SIGNALS) process.once(signal, stop);
  });
  const started = performance.now();
  const out = process.stdout;
  const server = EleventyDevServer.getServer('toa-soan', options.outputDir, {
    pathPrefix: options.pathPrefix ?? '/',
    domDiff: false,
    portReassignmentRetryCount: 0,
    logger: { log() {}, info() {}, warn: (m: string) => process.stderr.write(`${m}\n`), error: (m: string) => process.stderr.write(`${m}\n`) },
  });
  // Listening before the folder is wiped: a second preview on a busy port must not empty the first one's.
  await listen(server.server, options.port, options.host);
  await rm(options.outputDir, { recursive: true, force: true });
  await mkdir(options.outputDir, { recursive: true });

  let renderer: ChildProcess | undefined;
  let firstRender = true;
  const rendererOptions: RendererOptions = { contentDir: options.contentDir, outputDir: options.outputDir, pathPrefix: options.pathPrefix, siteUrl: options.siteUrl, features: options.features };
  const startRenderer = () => {
    const child = forkWorker(RENDERER);
    child.stderr!.pipe(process.stderr);
    const begun = performance.now();
    child.on('message', (message: FromRenderer) => {
      if (message.kind === 'reload') {
        server.reload({ files: message.files });
        return;
      }
      const seconds = ((performance.now() - (firstRender ? started : begun)) / 1000).toFixed(1);
      if (firstRender) {
        for (const line of readyLines(options, message.articles, seconds)) out.write(`${line}\n`);
      } else {
        out.write(`Đã dựng lại mọi trang theo mẫu mới (${message.articles} bài, ${seconds} giây).\n`);
        server.reload({ files: ['/'] });
      }
      firstRender = false;
    });
    child.on('exit', () => {
      // `stopRenderer` lets go of the renderer before ending it; still held, it ended by itself.
      if (renderer !== child) return;
      renderer = undefined;
      if (!stopping) out.write('Tiến trình dựng trang đã dừng; trang sẽ được dựng lại khi một tệp được lưu.\n');
    });
    child.send({ kind: 'start', options: rendererOptions } satisfies ToRenderer);
    return child;
  };
  /** Ends the current renderer, if any, and waits until it has exited. */
  const stopRenderer = async () => {
    const child = renderer;
    renderer = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  renderer = startRenderer();

  let changedContent = new Set<string>();
  let changedTemplates = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let restarting = Promise.resolve();
  const flush = () => {
    const content = [...changedContent];
    const templates = [...changedTemplates];
    changedContent = new Set();
    changedTemplates = new Set();
    restarting = restarting.then(async () => {
      if (stopping) return;
      if (templates.length > 0 || !renderer) {
        if (templates.length > 0) out.write(`Mẫu trang đã đổi (${templates.map((file) => path.relative(process.cwd(), file)).join(', ')}): dựng lại mọi trang…\n`);
        // A new process imports the templates afresh; it reads every article too, so content changes are in it.
        await stopRenderer();
        if (!stopping) renderer = startRenderer();
      } else if (content.length > 0) {
        renderer.send({ kind: 'changed', files: content } satisfies ToRenderer);
      }
    });
  };
  const watcher = chokidar.watch([options.contentDir, TEMPLATES], {
    ignoreInitial: true,
    ignored: (file, stats) => isHidden(file) || (stats?.isFile() === true && !isWatched(file)),
  });
  watcher.on('all', (event, file) => {
    if (event === 'addDir' || event === 'unlinkDir') return;
    if (isTemplate(file)) changedTemplates.add(file);
    else if (isArticleOrPhoto(file)) changedContent.add(path.normalize(file));
    else return;
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  });
  watcher.on('error', (error) => process.stderr.write(`Không theo dõi được thư mục: ${error instanceof Error ? error.message : String(error)}\n`));
  await once(watcher, 'ready');

  const signal = await stopSignal;
  clearTimeout(timer);
  const closed = Promise.allSettled([stopRenderer(), watcher.close(), server.close()]);
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
  out.write(`Đã dừng máy chủ xem trước (${signal}).\n`);
  return 128 + os.constants.signals[signal];
}

/** What the editor reads once the site is rendered: where to look, who else can, and how to stop. */
function readyLines(options: ServeOptions, articles: number, seconds: string): string[] {
  const prefix = options.pathPrefix ?? '/';
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  const hostInUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);
  const url = (host: string) => `http://${hostInUrl(host)}:${options.port}${prefix}`;
  const lines = [`Sẵn sàng (${articles} bài, ${seconds} giây): ${url(wildcard ? 'localhost' : options.host)}`];
  if (!isLoopback(options.host)) {
    const addresses = wildcard ? networkAddresses() : [options.host];
    lines.push(
      `Chú ý: mọi máy trong mạng tới được ${addresses.map(url).join(' ') || options.host} đều xem được bản xem trước, kể cả bài chưa đăng.`,
    );
  }
  lines.push('Sửa và lưu một bài (.txt, .md), một ảnh hay một mẫu trang là trang tự dựng lại; dừng bằng Ctrl+C.');
  return lines;
}

/** This machine's addresses on its networks (not loopback), where other machines can reach it. */
function networkAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => !address.internal && address.family === 'IPv4')
    .map((address) => address.address);
}

/** Starts listening on `host:port`; a busy port or an address this machine lacks is a `ServeError`. */
async function listen(server: Server, port: number, host: string): Promise<void> {
  // The dev server's own handler retries on the next port or throws out of the event; the port the editor chose is the one used.
  server.removeAllListeners('error');
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ServeError(`cổng ${port} trên ${host} đang được dùng; dừng chương trình kia hoặc chọn --port khác`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
        reject(new ServeError(`máy này không có địa chỉ ${host}; dùng --host 127.0.0.1 hoặc một địa chỉ của máy`));
      else if (error.code === 'EACCES') reject(new ServeError(`không được phép mở cổng ${port}; chọn cổng từ 1024 trở lên`));
      else reject(new ServeError(`không mở được máy chủ ở ${host}:${port}: ${error.message}`));
    });
    server.once('listening', resolve);
    server.listen({ port, host });
  });
  server.on('error', (error) => process.stderr.write(`Lỗi máy chủ xem trước: ${error.message}\n`));
}

/** Articles and their photos, by name. */
function isArticleOrPhoto(file: string): boolean {
  return isStoryFile(file) || PHOTO_EXTENSIONS.some((ext) => file.endsWith(ext));
}

function isTemplate(file: string): boolean {
  return path.resolve(file).startsWith(TEMPLATES);
}

/** Dot files and folders (`.git`, editors' `.bai.txt.swp`), but not a folder given as `.`. */
function isHidden(file: string): boolean {
  const base = path.basename(file);
  return base.startsWith('.') && base !== '.' && base !== '..';
}

/** Files the watcher reports: articles, photos and templates; not editors' backup files. */
function isWatched(file: string): boolean {
  if (file.endsWith('~')) return false;
  return isTemplate(file) || isArticleOrPhoto(file);
}
