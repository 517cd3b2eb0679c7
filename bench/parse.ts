/**
 * Parser throughput on one core, in process: MB/s and articles/s over an in-memory
 * corpus, and time per MB for single huge articles (a linear parser keeps it flat).
 * MB here is 1,000,000 bytes of UTF-8 article text.
 */
import { parseArticle } from '../src/parser/index.ts';
import { generateArticle } from './corpus.ts';
import { median } from './stats.ts';

const MB = 1_000_000;

export interface ThroughputResult {
  articles: number;
  bytes: number;
  /** Median seconds for one pass over the whole corpus. */
  seconds: number;
  /** The fastest pass: other load on the machine only ever adds time. */
  bestSeconds: number;
  mbPerSecond: number;
  articlesPerSecond: number;
}

export interface LinearityPoint {
  bytes: number;
  seconds: number;
  msPerMb: number;
}

export interface ParseBenchOptions {
  megabytes: number;
  passes: number;
  seed: number;
  log: (line: string) => void;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function parseOrThrow(text: string, what: string): void {
  const result = parseArticle(text);
  if (!result.ok) throw new Error(`${what} did not parse: ${JSON.stringify(result.errors)}`);
}

export function measureThroughput(options: ParseBenchOptions): ThroughputResult {
  const texts: string[] = [];
  let bytes = 0;
  while (bytes < options.megabytes * MB) {
    const text = generateArticle(texts.length, options.seed).text;
    texts.push(text);
    bytes += Buffer.byteLength(text);
  }
  options.log(`parse: ${texts.length} articles, ${(bytes / MB).toFixed(1)} MB in memory; warming up`);
  texts.slice(0, 500).forEach((text, i) => parseOrThrow(text, `article ${i}`));
  const times: number[] = [];
  for (let pass = 1; pass <= options.passes; pass++) {
    const start = process.hrtime.bigint();
    for (const text of texts) parseArticle(text);
    times.push(seconds(start));
    options.log(`parse: pass ${pass}/${options.passes}: ${times.at(-1)!.toFixed(3)} s`);
  }
  const time = median(times);
  return {
    articles: texts.length,
    bytes,
    seconds: time,
    bestSeconds: Math.min(...times),
    mbPerSecond: bytes / MB / time,
    articlesPerSecond: texts.length / time,
  };
}

/** Measured bytes per body word, to size a huge article without generating it twice. */
function bytesPerWord(seed: number): number {
  const sample = generateArticle(0, seed, { bodyWords: 20_000 });
  return Buffer.byteLength(sample.text) / 20_000;
}

export function measureLinearity(options: ParseBenchOptions, sizesMb: readonly number[] = [1, 5, 10]): LinearityPoint[] {
  const perWord = bytesPerWord(options.seed);
  const points: LinearityPoint[] = [];
  for (const size of sizesMb) {
    const text = generateArticle(size, options.seed, { bodyWords: Math.round((size * MB) / perWord) }).text;
    const bytes = Buffer.byteLength(text);
    parseOrThrow(text, `the ${size} MB article`);
    const times: number[] = [];
    for (let run = 0; run < options.passes; run++) {
      const start = process.hrtime.bigint();
      parseArticle(text);
      times.push(seconds(start));
    }
    const time = median(times);
    points.push({ bytes, seconds: time, msPerMb: (time * 1000) / (bytes / MB) });
    options.log(`parse: one ${(bytes / MB).toFixed(2)} MB article: ${(time * 1000).toFixed(0)} ms`);
  }
  return points;
}

export function formatParseReport(throughput: ThroughputResult, linearity: readonly LinearityPoint[]): string {
  const lines = [
    `Parser throughput (one core, in process, median of passes over ${throughput.articles} articles, ${(throughput.bytes / MB).toFixed(1)} MB):`,
    `  ${throughput.mbPerSecond.toFixed(1)} MB/s, ${Math.round(throughput.articlesPerSecond)} articles/s (target ≥ 30 MB/s: ${throughput.mbPerSecond >= 30 ? 'met' : 'NOT met'})`,
    `  best pass: ${(throughput.bytes / MB / throughput.bestSeconds).toFixed(1)} MB/s, ${Math.round(throughput.articles / throughput.bestSeconds)} articles/s`,
    'Linearity (one huge article):',
    ...linearity.map((p) => `  ${(p.bytes / MB).toFixed(2).padStart(6)} MB: ${(p.seconds * 1000).toFixed(0).padStart(6)} ms, ${p.msPerMb.toFixed(1)} ms/MB`),
  ];
  return lines.join('\n');
}
