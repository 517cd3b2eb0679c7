/**
 * Whole-process benchmark of N generated articles: the parse alone (`check`), our full
 * build, and plain Eleventy on equivalent Markdown. Runs alternate, in reverse order every
 * other round, so that machine noise spreads over all rows; each result is the median of R runs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeCorpus, type PhotoKind } from './corpus.ts';
import { describeCommand, measureCommand, type CommandSpec, type Measurement } from './measure.ts';
import { freshPageCache, toolFolders } from './page-cache.ts';
import { writePlainEleventyProject } from './plain-eleventy.ts';
import { median } from './stats.ts';

export const REPO = resolve(import.meta.dirname, '..');
const WORK = join(REPO, 'bench', '.work');
const MB = 1_000_000;
/** Plain Eleventy's output for the row that indexes it with Pagefind's CLI, inside the Markdown project. */
const PAGEFIND_SITE = '_site-pagefind';

export interface BuildBenchOptions {
  articles: number;
  runs: number;
  seed: number;
  log: (line: string) => void;
  /** Rows not to run (`startup`, `parse`, `build`, `baseline`, `search`, `eleventy`, `withsearch`, `pagefind`): plain Eleventy at 100,000 articles takes long and proves nothing new. */
  skip?: readonly string[];
  /** Drop the page cache before every run and read the inputs back (page-cache.ts); needs root on Linux. */
  dropCaches: boolean;
}

interface Contender {
  name: 'startup' | 'parse' | 'build' | 'baseline' | 'search' | 'eleventy' | 'withsearch' | 'pagefind';
  label: string;
  spec: CommandSpec;
  /** Emptied before each run, counted after: no run profits from the previous one's output. */
  output?: string;
  /** What the row reads besides the corpus and the tools, read back after a cache drop. */
  reads?: string;
}

export interface ContenderResult {
  name: Contender['name'];
  label: string;
  command: string;
  runs: Measurement[];
  seconds: number;
  peakRssBytes: number;
  pages: number | null;
}

export interface BuildBenchResult {
  articles: number;
  corpusBytes: number;
  /** Whether each run started from a dropped page cache with its inputs read back. */
  droppedCaches: boolean;
  results: ContenderResult[];
  skipped: string[];
}

async function countHtml(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

/** The build command is written concurrently: bench it only once the CLI can run it. */
function buildCommandExists(): boolean {
  const cli = join(REPO, 'src', 'cli.ts');
  return existsSync(join(REPO, 'src', 'commands', 'build.ts')) && existsSync(cli) && readFileSync(cli, 'utf8').includes('commands/build.ts');
}

function contenders(dir: string): { ready: Contender[]; skipped: string[] } {
  const content = join(dir, 'content');
  const ready: Contender[] = [
    {
      name: 'startup',
      label: 'startup only (npx tsx, empty script)',
      spec: { command: 'npx', args: ['tsx', '-e', '""'], cwd: REPO },
    },
    {
      name: 'parse',
      label: 'parse alone (check)',
      spec: { command: 'npx', args: ['tsx', 'src/cli.ts', 'check', content], cwd: REPO },
    },
  ];
  const skipped: string[] = [];
  if (buildCommandExists()) {
    const output = join(dir, 'site');
    // Plain Eleventy indexes nothing for search: the build is compared without it, and the
    // search index is timed on its own, on the pages the build row wrote (in its last run).
    ready.push({
      name: 'build',
      label: 'full build (--no-search)',
      spec: { command: 'npx', args: ['tsx', 'src/cli.ts', 'build', '--content', content, '--output', output, '--quiet', '--no-search'], cwd: REPO },
      output,
    });
    // Related stories and the section, author and archive listings must add at most 15% to the build:
    // the same build without them (src/corpus/features.ts), run right after the full one in every round.
    const baseline = join(dir, 'site-baseline');
    ready.push({
      name: 'baseline',
      label: 'build without related/sections/authors/archive (--no-search)',
      spec: {
        command: 'npx',
        args: ['tsx', 'src/cli.ts', 'build', '--content', content, '--output', baseline, '--quiet', '--no-search'],
        cwd: REPO,
        env: { TOA_SOAN_WITHOUT: 'related,sections,authors,archive' },
      },
      output: baseline,
    });
    ready.push({
      name: 'search',
      label: 'search index alone (Pagefind, on that output)',
      spec: { command: 'npx', args: ['tsx', 'bench/search-index.ts', output], cwd: REPO },
      reads: output,
    });
  } else {
    skipped.push('full build: src/commands/build.ts is not registered in src/cli.ts yet');
  }
  const plain = join(dir, 'plain');
  ready.push({
    name: 'eleventy',
    label: 'plain Eleventy',
    spec: { command: 'npx', args: ['@11ty/eleventy', '--quiet'], cwd: plain },
    output: join(plain, '_site'),
  });
  if (buildCommandExists()) {
    // Issue 13's target: our whole build, search included, against what a site without us would run:
    // plain Eleventy, then Pagefind's own CLI over its output (the article pages carry data-pagefind-body,
    // as ours do). Adjacent, so each round runs them back to back, in alternating order.
    const output = join(dir, 'site-search');
    ready.push({
      name: 'withsearch',
      label: 'full build with search',
      spec: { command: 'npx', args: ['tsx', 'src/cli.ts', 'build', '--content', content, '--output', output, '--quiet'], cwd: REPO },
      output,
    });
    ready.push({
      name: 'pagefind',
      label: 'plain Eleventy, then Pagefind CLI',
      spec: {
        command: 'sh',
        args: ['-c', `npx @11ty/eleventy --quiet --output=${PAGEFIND_SITE} && npx pagefind --site ${PAGEFIND_SITE} --quiet`],
        cwd: plain,
      },
      output: join(plain, PAGEFIND_SITE),
    });
  }
  return { ready, skipped };
}

export interface PrepareOptions extends Pick<BuildBenchOptions, 'articles' | 'seed' | 'log'> {
  /** A photo file of this kind for every caption (`bench/corpus.ts`); then no Markdown twin, which has no photos. */
  photos?: PhotoKind;
}

/** The generator's own source: a corpus written by another version of it is not reused. */
function generatorStamp(options: PrepareOptions): string {
  const hash = createHash('sha1');
  for (const file of ['corpus.ts', 'vocabulary.ts', 'random.ts', 'plain-eleventy.ts']) hash.update(readFileSync(join(REPO, 'bench', file)));
  return JSON.stringify({ articles: options.articles, seed: options.seed, photos: options.photos ?? null, generator: hash.digest('hex') });
}

/**
 * Generates the corpus and the Markdown twin into bench/.work/N-articles/ (git-ignored), or with
 * photos into bench/.work/N-articles-KIND-photos/. A corpus already there from the same generator,
 * count, seed and photos is reused: writing 100,000 articles twice takes minutes and measures nothing.
 */
export async function prepare(options: PrepareOptions): Promise<{ dir: string; corpusBytes: number }> {
  const dir = join(WORK, `${options.articles}-articles${options.photos ? `-${options.photos}-photos` : ''}`);
  const stampFile = join(dir, 'corpus-stamp.json');
  const stamp = generatorStamp(options);
  if (existsSync(stampFile)) {
    const kept = JSON.parse(readFileSync(stampFile, 'utf8')) as { stamp: string; bytes: number };
    if (kept.stamp === stamp) {
      options.log(`build: reusing the ${options.articles} articles in ${dir}/content`);
      return { dir, corpusBytes: kept.bytes };
    }
  }
  await rm(dir, { recursive: true, force: true });
  options.log(`build: writing ${options.articles} articles${options.photos ? ` with ${options.photos} photos` : ''} to ${dir}/content`);
  const { bytes } = await writeCorpus(join(dir, 'content'), options.articles, options.seed, { photos: options.photos });
  if (!options.photos) {
    options.log(`build: writing the same articles as Markdown to ${dir}/plain`);
    await writePlainEleventyProject(join(dir, 'plain'), options.articles, options.seed);
  }
  await writeFile(stampFile, JSON.stringify({ stamp, bytes }));
  return { dir, corpusBytes: bytes };
}

export async function runBuildBench(options: BuildBenchOptions): Promise<BuildBenchResult> {
  const { dir, corpusBytes } = await prepare(options);
  const all = contenders(dir);
  const ready = all.ready.filter((contender) => !options.skip?.includes(contender.name));
  const skipped = [...all.skipped, ...all.ready.filter((contender) => !ready.includes(contender)).map((contender) => `${contender.label}: --skip ${contender.name}`)];
  for (const reason of skipped) options.log(`build: skipped ${reason}`);
  const runs = new Map<Contender['name'], Measurement[]>(ready.map((c) => [c.name, []]));
  const content = join(dir, 'content');
  const inputs = [content, join(dir, 'plain'), ...toolFolders(REPO)];
  for (let round = 1; round <= options.runs; round++) {
    // Every other round runs the rows in reverse order: a machine that slows down (or speeds up)
    // over the benchmark then favours no row, as it would the rows always run first.
    for (const contender of round % 2 === 1 ? ready : [...ready].reverse()) {
      if (contender.output) await rm(contender.output, { recursive: true, force: true });
      // The previous run's pages and this removal are still being written back to disk: both ways
      // sync first, or each run pays for the one before it (the full build writes 2,000 more pages).
      if (options.dropCaches) await freshPageCache({ folders: contender.reads ? [...inputs, contender.reads] : inputs, content });
      else execFileSync('sync');
      options.log(`build: run ${round}/${options.runs}: ${contender.label} …`);
      const measurement = await measureCommand(contender.spec);
      runs.get(contender.name)!.push(measurement);
      options.log(
        `build: run ${round}/${options.runs}: ${contender.label}: ${measurement.seconds.toFixed(2)} s, peak ${(measurement.peakRssBytes / MB).toFixed(0)} MB`,
      );
    }
  }
  const results: ContenderResult[] = [];
  for (const contender of ready) {
    const measured = runs.get(contender.name)!;
    results.push({
      name: contender.name,
      label: contender.label,
      command: describeCommand(contender.spec),
      runs: measured,
      seconds: median(measured.map((m) => m.seconds)),
      peakRssBytes: median(measured.map((m) => m.peakRssBytes)),
      pages: contender.output ? await countHtml(contender.output) : null,
    });
  }
  return { articles: options.articles, corpusBytes, droppedCaches: options.dropCaches, results, skipped };
}

export function formatBuildReport(bench: BuildBenchResult): string {
  // The startup row is a fixed cost, not a build: per-article figures would mislead.
  const rows = bench.results.map((r) => {
    if (r.name === 'startup') return `| ${r.label} | ${r.seconds.toFixed(2)} | – | – | – | ${(r.peakRssBytes / MB).toFixed(0)} |`;
    const pagesPerSecond = r.pages === null ? '–' : (r.pages / r.seconds).toFixed(0);
    return `| ${r.label} | ${r.seconds.toFixed(2)} | ${r.pages ?? '–'} | ${pagesPerSecond} | ${((r.seconds * 1000) / bench.articles).toFixed(2)} | ${(r.peakRssBytes / MB).toFixed(0)} |`;
  });
  const lines = [
    `Build benchmark: ${bench.articles} articles (${(bench.corpusBytes / MB).toFixed(1)} MB of .txt), median of ${bench.results[0]?.runs.length ?? 0} runs, whole processes:`,
    bench.droppedCaches
      ? 'page cache: dropped before every run, then the corpus, its parse-cache entries and the tools read back in (bench/page-cache.ts)'
      : 'page cache: kept between runs (runs may drift: see bench/page-cache.ts)',
    '',
    '| what | seconds | pages | pages/s | ms/article | peak RSS MB (tree) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
  const build = bench.results.find((r) => r.name === 'build');
  const plain = bench.results.find((r) => r.name === 'eleventy');
  if (build && plain) {
    lines.push(
      '',
      `full build / plain Eleventy: ${(build.seconds / plain.seconds).toFixed(2)}× time, ${(build.peakRssBytes / plain.peakRssBytes).toFixed(2)}× peak RSS`,
    );
  }
  const withSearch = bench.results.find((r) => r.name === 'withsearch');
  const pagefind = bench.results.find((r) => r.name === 'pagefind');
  if (withSearch && pagefind) {
    const rounds = withSearch.runs.map((run, i) => `${(run.seconds / pagefind.runs[i]!.seconds).toFixed(2)}×`);
    lines.push('', versusPagefindLine(withSearch.seconds, pagefind.seconds), `round by round: ${rounds.join(', ')}`);
  }
  const baseline = bench.results.find((r) => r.name === 'baseline');
  if (build && baseline) {
    const rounds = build.runs.map((run, i) => `${((run.seconds / baseline.runs[i]!.seconds - 1) * 100).toFixed(1)}%`);
    lines.push('', featureCostLine(build.seconds, baseline.seconds), `round by round: ${rounds.join(', ')}`);
  }
  for (const r of bench.results) {
    if (r.pages === 0) lines.push(`WARNING: ${r.label} wrote no .html pages: its time means nothing.`);
  }
  for (const reason of bench.skipped) lines.push(`skipped: ${reason}`);
  lines.push('', 'Commands:', ...bench.results.map((r) => `  ${r.label}: ${r.command}`));
  return lines.join('\n');
}

/** The target: related stories and the section, author and archive listings add at most this to the build time, so the archive's features never make a build noticeably slower. */
export const FEATURE_COST_TARGET = 0.15;

/** What the archive's optional features cost: the full build's time over the baseline's, less one, against the target. */
export function featureCostLine(fullSeconds: number, baselineSeconds: number): string {
  const cost = fullSeconds / baselineSeconds - 1;
  const verdict = cost <= FEATURE_COST_TARGET ? 'target met' : 'target NOT met';
  return `related stories and listings add ${(cost * 100).toFixed(1)}% to the build (${fullSeconds.toFixed(2)} s ÷ ${baselineSeconds.toFixed(2)} s − 1; target ≤ ${FEATURE_COST_TARGET * 100}%: ${verdict})`;
}

/** Issue 13's target: a full build with search is no slower than plain Eleventy followed by Pagefind's CLI over the same articles. */
export function versusPagefindLine(buildSeconds: number, plainSeconds: number): string {
  const ratio = buildSeconds / plainSeconds;
  const verdict = ratio <= 1 ? 'target met' : 'target NOT met';
  return `full build with search / plain Eleventy + Pagefind CLI: ${ratio.toFixed(2)}× time (${buildSeconds.toFixed(2)} s ÷ ${plainSeconds.toFixed(2)} s; target ≤ 1: ${verdict})`;
}
