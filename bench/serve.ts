/**
 * The editor's loop under `serve`: start the dev server on a copy of N generated articles, wait
 * until it serves the front page, then R times rewrite one article's title and poll its new
 * address until the new title is served. Latency is from the file write to that response.
 */
import { spawn } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArticle } from '../src/parser/index.ts';
import { slug } from '../src/slug.ts';
import { articlePath, articleUrl } from '../src/corpus/urls.ts';
import { generateArticle } from './corpus.ts';
import { REPO, prepare } from './build.ts';
import { treeRssBytes } from './process-tree.ts';
import { median } from './stats.ts';

export interface ServeBenchOptions {
  articles: number;
  runs: number;
  seed: number;
  log: (line: string) => void;
}

export interface ServeBenchResult {
  articles: number;
  startupSeconds: number;
  /** One per edit. */
  latencies: number[];
  peakRssBytes: number;
  command: string;
}

const MB = 1_000_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Seconds from now until `url` answers and `accept` takes its body. */
async function waitFor(url: string, accept: (status: number, body: string) => boolean, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      const response = await fetch(url);
      if (accept(response.status, await response.text())) return (performance.now() - start) / 1000;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url}: no expected answer within ${timeoutMs / 1000} s`);
}

export async function runServeBench(options: ServeBenchOptions): Promise<ServeBenchResult> {
  const { dir } = await prepare(options);
  // Edits go to a copy: the generated corpus stays as generated for the build benchmark.
  const content = join(dir, 'serve-content');
  const output = join(dir, 'serve-site');
  await rm(content, { recursive: true, force: true });
  await cp(join(dir, 'content'), content, { recursive: true });
  const port = await freePort();
  const args = ['--import', 'tsx', 'src/cli.ts', 'serve', '--content', content, '--output', output, '--port', String(port)];
  options.log(`serve: starting ${args.join(' ')}`);
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRssBytes(child.pid));
  }, 100);
  const base = `http://127.0.0.1:${port}`;
  try {
    const startupSeconds = await waitFor(`${base}/`, (status) => status === 200, 600_000);
    options.log(`serve: ready after ${startupSeconds.toFixed(1)} s`);
    const latencies: number[] = [];
    for (let run = 1; run <= options.runs; run++) {
      // Articles spread over the archive, the same ones every time.
      const generated = generateArticle(Math.floor((run * options.articles) / (options.runs + 1)), options.seed);
      const file = join(content, generated.section, generated.fileName);
      const text = await readFile(file, 'utf8');
      const parsed = parseArticle(text);
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      const title = `${parsed.article.title} (sửa lần ${run})`;
      const url = articleUrl(articlePath(parsed.article.date, slug(title)));
      // Let the previous edit's listings finish, as an editor reading the page would.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const written = performance.now();
      await writeFile(file, text.replace(parsed.article.title, title));
      await waitFor(`${base}${url}`, (status, body) => status === 200 && body.includes(title), 60_000);
      const seconds = (performance.now() - written) / 1000;
      latencies.push(seconds);
      options.log(`serve: edit ${run}/${options.runs}: ${url} served after ${seconds.toFixed(2)} s`);
    }
    return { articles: options.articles, startupSeconds, latencies, peakRssBytes: peak, command: `(cd ${REPO} && node ${args.join(' ')})` };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${stderr}`);
  } finally {
    clearInterval(timer);
    child.kill();
  }
}

export function formatServeReport(bench: ServeBenchResult): string {
  const lines = [
    `Serve benchmark: ${bench.articles} articles, ${bench.latencies.length} title edits:`,
    '',
    '| what | seconds |',
    '| --- | ---: |',
    `| start-up: read, build, serve the front page | ${bench.startupSeconds.toFixed(1)} |`,
    `| edit → new page served, median | ${median(bench.latencies).toFixed(2)} |`,
    `| edit → new page served, slowest | ${Math.max(...bench.latencies).toFixed(2)} |`,
    '',
    `peak RSS of the server's process tree: ${(bench.peakRssBytes / MB).toFixed(0)} MB`,
    '',
    'Command:',
    `  ${bench.command}`,
  ];
  return lines.join('\n');
}
