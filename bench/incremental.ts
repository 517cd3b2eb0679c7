/**
 * Breaking news at archive scale: N generated articles, with a small photo file for each caption, are
 * built into one output folder (the real CLI, search included), then four edits, each followed by
 * `build` into that same folder: (a) one story newer than all others, text only, (b) another, with three
 * camera-size photos, (c) a title fixed in an existing story (its address changes), (d) a back-dated
 * story. Each of those builds is measured as a whole process tree and put beside a full
 * build of the same content into a fresh folder, the two run one after the other (full first in odd
 * rounds, incremental first in even ones). What a build rewrote is counted from the folder itself,
 * by size, mtime and SHA-1 before and after, not taken from the build's word.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { REPO, prepare } from './build.ts';
import { generateArticle, writeArticle } from './corpus.ts';
import { describeCommand, measureCommand, type CommandSpec, type Measurement } from './measure.ts';
import { mixSeed } from './random.ts';
import { median } from './stats.ts';

export interface IncrementalBenchOptions {
  articles: number;
  runs: number;
  seed: number;
  log: (line: string) => void;
}

export interface FileState {
  size: number;
  mtimeMs: number;
  sha1: string;
}

/** Every file under a folder by its path relative to it, `/`-separated. */
export type Snapshot = Map<string, FileState>;

export interface SnapshotDiff {
  /** Present before and after with other bytes or another mtime. */
  rewritten: number;
  /** Of those, the ones whose bytes are the same: written again for nothing. */
  sameBytes: number;
  added: number;
  removed: number;
  unchanged: number;
}

/** An edit to the content folder, then a build into the kept output folder. */
export interface Step {
  name: 'new story, text only' | 'new story' | 'title fixed' | 'back-dated story';
  /** What was changed, for the report. */
  detail: string;
}

export interface StepRun {
  incremental: Measurement;
  /** The same content built into an empty folder, right before or after. */
  full: Measurement;
  diff: SnapshotDiff;
  photosEncoded: number | null;
}

export interface StepResult extends Step {
  runs: StepRun[];
  seconds: number;
  peakRssBytes: number;
  fullSeconds: number;
  /** Median over the rounds of incremental ÷ full, each pair from one round. */
  ratio: number;
  diff: SnapshotDiff;
  photosEncoded: number | null;
}

export interface IncrementalBenchResult {
  articles: number;
  /** The first build of each round, into an empty folder. */
  initial: Measurement[];
  steps: StepResult[];
  commands: string[];
}

/** The target of issue 13: one story costs at most a tenth of a full build of the same run. */
export const RATIO_TARGET = 0.1;

export async function snapshot(dir: string): Promise<Snapshot> {
  const files: Snapshot = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    files.set(relative(dir, path).split(sep).join('/'), { size: info.size, mtimeMs: info.mtimeMs, sha1: createHash('sha1').update(bytes).digest('hex') });
  }
  return files;
}

export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const diff: SnapshotDiff = { rewritten: 0, sameBytes: 0, added: 0, removed: 0, unchanged: 0 };
  for (const [path, now] of after) {
    const was = before.get(path);
    if (!was) diff.added++;
    else if (was.sha1 !== now.sha1 || was.size !== now.size) diff.rewritten++;
    else if (was.mtimeMs !== now.mtimeMs) {
      diff.rewritten++;
      diff.sameBytes++;
    } else diff.unchanged++;
  }
  for (const path of before.keys()) if (!after.has(path)) diff.removed++;
  return diff;
}

/**
 * The number of photos the build says it encoded, from the last line of its output that speaks of
 * photos (`ảnh`, `photo`) being encoded (`mã hoá`, `encod`); null when no line does.
 */
export function photosEncodedIn(output: string): number | null {
  const lines = output.split(/\r?\n/).reverse();
  const line = lines.find((text) => /ảnh|photo/i.test(text) && /mã ho[áà]|mã hó|encod/i.test(text));
  // The number next to the word for photos (`3 ảnh`, `photos encoded: 3`), not the first of the line.
  const count = line ? (/(\d[\d.,]*)\s*(?:ảnh|photos?)/i.exec(line) ?? /(?:ảnh|photos?)\D*(\d[\d.,]*)/i.exec(line)) : null;
  return count ? Number(count[1]!.replace(/[.,]/g, '')) : null;
}

/** The article's `Cập nhật lúc:` line set to another time (`HH:mm, dd/MM/yyyy`). */
export function redated(text: string, when: string): string {
  return text.replace(/Cập nhật lúc: [^\r\n]*/, `Cập nhật lúc: ${when} [GMT+7]`);
}

/** The title line (the first occurrence of `title`: the timestamp line comes before it) with words added. */
export function retitled(text: string, title: string, added: string): string {
  const at = text.indexOf(title);
  if (at < 0) throw new Error(`title not found: ${title}`);
  return `${text.slice(0, at)}${title}${added}${text.slice(at + title.length)}`;
}

interface Edit extends Step {
  apply(content: string): Promise<void>;
}

/**
 * `HH:mm, dd/MM/yyyy` one minute after the newest of the first `articles` generated stories (all
 * dated in Vietnam time, +07:00): a story filed later the same day, as most stories are. (One dated
 * in a new year moves the whole of the past year's search tier: once a year, see docs/incremental-build.md.)
 */
export function justAfterNewest(articles: number, seed: number): string {
  let newest = '';
  for (let i = 0; i < articles; i++) {
    const date = generateArticle(i, seed).expected.date;
    if (date > newest) newest = date;
  }
  const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(newest)!;
  const minutes = Number(h) * 60 + Number(mi) + 1;
  if (minutes >= 24 * 60) throw new Error(`the newest story is at 23:59 (${newest}): pick another seed`);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}, ${d}/${mo}/${y}`;
}

/**
 * Generated stories N, N+1 and N+2 are not in the corpus: two dated a minute after its newest story,
 * the first with no photo file (what issue 13's 3 s are for), the second with three camera-size photos,
 * as a newsroom commits them; one back in 2016 with the corpus's own small photos.
 */
function edits(articles: number, seed: number): Edit[] {
  const when = justAfterNewest(articles, seed);
  const plain = generateArticle(articles + 2, seed);
  const fresh = generateArticle(articles, seed, { photos: 3 });
  const old = generateArticle(articles + 1, seed);
  // A story in the middle of the archive, so that the fix is neither at its newest nor its oldest edge.
  const fixed = generateArticle(Math.floor(articles / 2), seed);
  return [
    {
      name: 'new story, text only',
      detail: `${plain.section}/${plain.fileName}, dated ${when}, no photo file`,
      apply: async (content) => {
        await writeArticle(content, { ...plain, text: redated(plain.text, when) });
      },
    },
    {
      name: 'new story',
      detail: `${fresh.section}/${fresh.fileName}, dated ${when}, ${fresh.expected.captions.length} camera-size photos (4000×2667 JPEG)`,
      apply: async (content) => {
        await writeArticle(content, { ...fresh, text: redated(fresh.text, when) }, { kind: 'camera', seed: mixSeed(seed, articles) });
      },
    },
    {
      name: 'title fixed',
      detail: `${fixed.section}/${fixed.fileName}: " (cập nhật)" added to the title`,
      apply: async (content) => {
        const path = join(content, fixed.section, fixed.fileName);
        await writeFile(path, retitled(await readFile(path, 'utf8'), fixed.expected.title, ' (cập nhật)'));
      },
    },
    {
      name: 'back-dated story',
      detail: `${old.section}/${old.fileName}, dated 12/05/2016 09:30, ${old.expected.captions.length} small photos`,
      apply: async (content) => {
        await writeArticle(content, { ...old, text: redated(old.text, '09:30, 12/05/2016') }, { kind: 'small', seed: mixSeed(seed, articles + 1) });
      },
    },
  ];
}

function buildSpec(content: string, output: string, cacheDir: string): CommandSpec {
  // Not --quiet: the build's last lines may say how many photos it encoded (a few lines when not a terminal).
  return { command: 'node', args: ['--import', 'tsx', 'src/cli.ts', 'build', '--content', content, '--output', output], cwd: REPO, env: { TOA_SOAN_CACHE_DIR: cacheDir } };
}

const MB = 1_000_000;

function said(label: string, m: Measurement): string {
  return `${label}: ${m.seconds.toFixed(2)} s, peak ${(m.peakRssBytes / MB).toFixed(0)} MB`;
}

export async function runIncrementalBench(options: IncrementalBenchOptions): Promise<IncrementalBenchResult> {
  // Small photos for the archive: a real archive's file count without hours of encoding.
  const { dir } = await prepare({ ...options, photos: 'small' });
  const work = join(dir, 'incremental');
  const content = join(work, 'content');
  const output = join(work, 'site');
  const fresh = join(work, 'site-fresh');
  // Each side has a cache of its own, so that neither finds the photos or parses the other just made,
  // and each round starts both from `cache-base`, which holds the unedited corpus only: the new story's
  // photos are never in a cache when a round begins. Copies are hard links: entries are replaced by
  // rename, never written in place, so a copy never sees another's later writes.
  const base = join(work, 'cache-base');
  const cache = join(work, 'cache');
  const freshCache = join(work, 'cache-fresh');
  const incremental = buildSpec(content, output, cache);
  const full = buildSpec(content, fresh, freshCache);
  const steps = edits(options.articles, options.seed);
  const initial: Measurement[] = [];
  const runs: StepRun[][] = steps.map(() => []);
  for (let round = 1; round <= options.runs; round++) {
    const log = (line: string) => options.log(`incremental: run ${round}/${options.runs}: ${line}`);
    await Promise.all([content, output, fresh, cache, freshCache].map((folder) => rm(folder, { recursive: true, force: true })));
    await cp(join(dir, 'content'), content, { recursive: true });
    await mkdir(base, { recursive: true });
    hardLinkCopy(base, cache);
    log(`full build of ${options.articles} articles into ${output} …`);
    const first = await measureCommand(incremental);
    initial.push(first);
    log(said('full build', first));
    // What the first build added (all of it, the first time on this machine) is kept for later runs.
    await rm(base, { recursive: true, force: true });
    hardLinkCopy(cache, base);
    hardLinkCopy(base, freshCache);
    for (const [i, step] of steps.entries()) {
      await step.apply(content);
      const before = await snapshot(output);
      let kept: Measurement | undefined;
      let again: Measurement | undefined;
      const sides = [
        async () => {
          await rm(fresh, { recursive: true, force: true });
          execFileSync('sync');
          log(`${step.name}: full build into an empty folder …`);
          again = await measureCommand(full);
          log(said(`${step.name}: full build`, again));
        },
        async () => {
          execFileSync('sync');
          log(`${step.name}: build into the kept folder …`);
          kept = await measureCommand(incremental);
          log(said(`${step.name}: build into the kept folder`, kept));
        },
      ];
      for (const side of round % 2 === 1 ? sides : [...sides].reverse()) await side();
      const diff = diffSnapshots(before, await snapshot(output));
      log(`${step.name}: ${diff.rewritten} files rewritten, ${diff.added} added, ${diff.removed} removed`);
      runs[i]!.push({ incremental: kept!, full: again!, diff, photosEncoded: photosEncodedIn(kept!.output) });
    }
  }
  return {
    articles: options.articles,
    initial,
    steps: steps.map((step, i) => summarize({ name: step.name, detail: step.detail }, runs[i]!)),
    commands: [describeCommand(incremental), describeCommand(full)],
  };
}

function hardLinkCopy(from: string, to: string): void {
  execFileSync('cp', ['-al', from, to]);
}

/** The last round's counts (every round starts from the same folder, so they should agree) and medians of the times. */
function summarize(step: Step, runs: StepRun[]): StepResult {
  const last = runs.at(-1)!;
  return {
    ...step,
    runs,
    seconds: median(runs.map((run) => run.incremental.seconds)),
    peakRssBytes: median(runs.map((run) => run.incremental.peakRssBytes)),
    fullSeconds: median(runs.map((run) => run.full.seconds)),
    ratio: median(runs.map((run) => run.incremental.seconds / run.full.seconds)),
    diff: last.diff,
    photosEncoded: last.photosEncoded,
  };
}

export function formatIncrementalReport(bench: IncrementalBenchResult): string {
  const rounds = bench.initial.length;
  const firstBuild = median(bench.initial.map((m) => m.seconds));
  const rows = bench.steps.map((step) => {
    const { rewritten, sameBytes, added, removed } = step.diff;
    const verdict = step.ratio <= RATIO_TARGET ? 'met' : 'NOT met';
    return `| ${step.name} | ${step.seconds.toFixed(2)} | ${(step.peakRssBytes / MB).toFixed(0)} | ${rewritten} (${sameBytes} same bytes) | ${added} | ${removed} | ${step.photosEncoded ?? 'n/a'} | ${step.fullSeconds.toFixed(2)} | ${step.ratio.toFixed(3)} (${verdict}) |`;
  });
  const json = {
    bench: 'incremental',
    articles: bench.articles,
    rounds,
    firstBuildSeconds: round3(firstBuild),
    steps: bench.steps.map((step) => ({
      step: step.name,
      seconds: round3(step.seconds),
      peakRssBytes: step.peakRssBytes,
      rewritten: step.diff.rewritten,
      sameBytes: step.diff.sameBytes,
      added: step.diff.added,
      removed: step.diff.removed,
      unchanged: step.diff.unchanged,
      photosEncoded: step.photosEncoded,
      fullSeconds: round3(step.fullSeconds),
      ratio: round3(step.ratio),
    })),
  };
  return [
    `Incremental build benchmark: ${bench.articles} articles with small photos, search included, median of ${rounds} round${rounds === 1 ? '' : 's'}; first build into an empty folder: ${firstBuild.toFixed(2)} s`,
    '',
    `| step | seconds | peak RSS MB (tree) | files rewritten | added | removed | photos encoded | full build, fresh folder, s | ratio (target ≤ ${RATIO_TARGET}) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'Steps (each applied after the one before, into the same folder):',
    ...bench.steps.map((step) => `  ${step.name}: ${step.detail}`),
    `Round by round (incremental / full, s): ${bench.steps.map((step) => `${step.name} ${step.runs.map((run) => `${run.incremental.seconds.toFixed(2)}/${run.full.seconds.toFixed(2)}`).join(', ')}`).join('; ')}`,
    '',
    'Commands (incremental side, then the full side):',
    ...bench.commands.map((command) => `  ${command}`),
    '',
    JSON.stringify(json),
  ].join('\n');
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
