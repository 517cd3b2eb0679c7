/**
 * What one reader query costs: a built site (N generated articles through the real CLI, or `--site
 * DIR`) is served by a small file server on 127.0.0.1 that logs every request and its bytes, and
 * Debian Chromium opens `/tim-kiem/?q=…` with a fresh profile, as a first-time reader would. Once the
 * page says what it found and the network has been quiet for a while, the requests are counted by
 * kind against the target of issue 13: the first page of results in at most 40 requests and 600 KB.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mime from 'mime-types';
import { chromium } from 'playwright-core';
import { REPO, prepare } from './build.ts';
import { describeCommand, measureCommand, type CommandSpec } from './measure.ts';

export interface QueryBenchOptions {
  articles: number;
  /** A site already built: measured as it is, nothing built. */
  site?: string;
  seed: number;
  log: (line: string) => void;
}

export interface ServedRequest {
  path: string;
  status: number;
  bytes: number;
}

export type RequestKind = 'page/css/js' | 'pagefind js/json' | 'wasm' | 'entry' | 'meta' | 'word chunk' | 'fragment' | 'filter';

export interface QueryCost {
  requests: number;
  bytes: number;
  byKind: Partial<Record<RequestKind, { requests: number; bytes: number }>>;
  /** Search indexes the page loaded: one meta file each. */
  indexes: number;
  notFound: number;
}

export interface QueryResult extends QueryCost {
  query: string;
  status: string;
  items: number;
  /** From navigation to the status line saying what was found. */
  msToResults: number;
}

export interface QueryBenchResult {
  articles: number | null;
  site: string;
  command: string | null;
  results: QueryResult[];
}

export const QUERIES = ['ly son', 'Dung Quất'];
export const TARGET = { requests: 40, kilobytes: 600 };
const KB = 1024;
/** The network is taken as quiet when no request arrived for this long. */
const QUIET_MS = 1500;
const RESULTS_TIMEOUT_MS = 300_000;
const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What a request fetched, from its path: Pagefind's files by their names, everything else the page itself. */
export function requestKind(path: string): RequestKind {
  if (path.includes('/fragment/')) return 'fragment';
  if (path.includes('/index/')) return 'word chunk';
  if (path.includes('/filter/')) return 'filter';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('pagefind-entry.json')) return 'entry';
  if (path.includes('wasm')) return 'wasm';
  if (path.includes('/pagefind/')) return 'pagefind js/json';
  return 'page/css/js';
}

export function queryCost(log: readonly ServedRequest[]): QueryCost {
  const cost: QueryCost = { requests: log.length, bytes: 0, byKind: {}, indexes: 0, notFound: 0 };
  for (const request of log) {
    const kind = requestKind(request.path);
    const row = (cost.byKind[kind] ??= { requests: 0, bytes: 0 });
    row.requests++;
    row.bytes += request.bytes;
    cost.bytes += request.bytes;
    if (kind === 'meta') cost.indexes++;
    if (request.status === 404) cost.notFound++;
  }
  return cost;
}

export function meetsTarget(cost: Pick<QueryCost, 'requests' | 'bytes'>): boolean {
  return cost.requests <= TARGET.requests && cost.bytes / KB <= TARGET.kilobytes;
}

/** Files of `root` as they are (no compression: Pagefind's index files are gzip already), every request logged. */
async function serveLogged(root: string): Promise<{ server: http.Server; port: number; log: ServedRequest[] }> {
  const log: ServedRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    void (async () => {
      let file = join(root, path);
      try {
        if (!file.startsWith(root)) throw new Error('outside the site');
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const { size } = await stat(file);
        log.push({ path, status: 200, bytes: size });
        res.writeHead(200, { 'content-type': mime.contentType(file.split('/').pop()!) || 'application/octet-stream', 'content-length': size });
        createReadStream(file).pipe(res);
      } catch {
        log.push({ path, status: 404, bytes: 0 });
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port, log };
}

async function measureQuery(base: string, query: string, log: ServedRequest[]): Promise<QueryResult> {
  const profile = await mkdtemp(join(tmpdir(), 'toa-soan-query-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: BROWSER_ARGS });
  try {
    log.length = 0;
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent(query)}`);
    // The first page of results, whatever else the page offers after it (older years, more results).
    await page.waitForFunction(
      () => /Tìm thấy|Không tìm thấy/.test(document.querySelector('#trang-thai, [role=status]')?.textContent ?? ''),
      null,
      { timeout: RESULTS_TIMEOUT_MS },
    );
    const msToResults = Date.now() - started;
    const shown = await page.evaluate(() => ({
      status: document.querySelector('#trang-thai, [role=status]')?.textContent?.trim() ?? '',
      items: document.querySelectorAll('#ket-qua li').length,
    }));
    // Result fragments still on their way are part of the first page's cost.
    for (let seen = -1; seen !== log.length; ) {
      seen = log.length;
      await new Promise((done) => setTimeout(done, QUIET_MS));
    }
    return { query, ...shown, msToResults, ...queryCost(log) };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

export async function runQueryBench(options: QueryBenchOptions): Promise<QueryBenchResult> {
  let site: string;
  let spec: CommandSpec | null = null;
  if (options.site) {
    site = resolve(options.site);
  } else {
    const { dir } = await prepare(options);
    site = join(dir, 'query-site');
    spec = { command: 'node', args: ['--import', 'tsx', 'src/cli.ts', 'build', '--content', join(dir, 'content'), '--output', site, '--quiet'], cwd: REPO };
    options.log(`query: building ${options.articles} articles into ${site} …`);
    await measureCommand(spec);
  }
  const { server, port, log } = await serveLogged(site);
  try {
    const results: QueryResult[] = [];
    for (const query of QUERIES) {
      options.log(`query: "${query}" in Chromium …`);
      const result = await measureQuery(`http://127.0.0.1:${port}`, query, log);
      options.log(`query: "${query}": ${result.requests} requests, ${(result.bytes / KB).toFixed(0)} KB, ${result.status}`);
      results.push(result);
    }
    return { articles: options.site ? null : options.articles, site, command: spec && describeCommand(spec), results };
  } finally {
    await new Promise((done) => server.close(done));
  }
}

const KINDS: RequestKind[] = ['page/css/js', 'pagefind js/json', 'wasm', 'entry', 'meta', 'word chunk', 'fragment', 'filter'];

export function formatQueryReport(bench: QueryBenchResult): string {
  const byKind = (result: QueryResult, kind: RequestKind) => {
    const row = result.byKind[kind];
    return row ? `${row.requests} / ${(row.bytes / KB).toFixed(1)}` : '–';
  };
  const rows = bench.results.map(
    (r) =>
      `| ${r.query} | ${r.items} | ${r.requests} | ${(r.bytes / KB).toFixed(0)} | ${r.indexes} | ${KINDS.map((kind) => byKind(r, kind)).join(' | ')} | ${meetsTarget(r) ? 'OK' : 'FAIL'} |`,
  );
  const json = {
    bench: 'query',
    articles: bench.articles,
    results: bench.results.map((r) => ({
      query: r.query,
      items: r.items,
      status: r.status,
      requests: r.requests,
      kilobytes: Math.round(r.bytes / KB),
      indexes: r.indexes,
      notFound: r.notFound,
      msToResults: r.msToResults,
      byKind: r.byKind,
      ok: meetsTarget(r),
    })),
  };
  return [
    `Reader query benchmark: ${bench.articles === null ? bench.site : `${bench.articles} articles`}, served from 127.0.0.1 as files are (no compression), Debian Chromium with a fresh profile, counted until the page shows its first results and the network is quiet ${QUIET_MS / 1000} s; KB = 1,024 bytes`,
    '',
    `| query | results shown | requests | KB | indexes | ${KINDS.map((kind) => `${kind} (req / KB)`).join(' | ')} | target ≤ ${TARGET.requests} requests, ≤ ${TARGET.kilobytes} KB |`,
    `| --- | ---: | ---: | ---: | ---: | ${KINDS.map(() => '---:').join(' | ')} | --- |`,
    ...rows,
    '',
    ...bench.results.map((r) => `  "${r.query}": ${r.status} (${r.msToResults} ms to results${r.notFound ? `; ${r.notFound} requests not found` : ''})`),
    ...(bench.command ? ['', `Build: ${bench.command}`] : []),
    '',
    JSON.stringify(json),
  ].join('\n');
}
