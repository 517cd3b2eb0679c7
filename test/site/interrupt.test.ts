import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { build, FIXTURES, hashTree, SITE_URL, simpleArticle } from './site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** Enough articles, in shards of 50 and two search tiers (one month's stories), that a build runs for seconds with workers at every step. */
const ARTICLES = 400;
const SHARDED = { TOA_SOAN_SHARD_SIZE: '50' };

/** Every process (build, workers, Pagefind) of a build started with `mark`, found by the variable they all inherit. */
function processesMarked(mark: string): { pid: number; command: string }[] {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`TOA_SOAN_TEST_MARK=${mark}`)) continue;
      found.push({ pid: Number(name), command: readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ') });
    } catch {
      // Gone meanwhile, or another user's.
    }
  }
  return found;
}

/** Waits until `condition` holds, checking often; fails after a time-out far beyond what it should take. */
async function waitFor(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface RunningBuild {
  child: ChildProcess;
  mark: string;
  stdout: () => string;
  stderr: () => string;
  /** Exit code, or 128 + the signal's number when the process was killed by one. */
  exited: Promise<number>;
}

/**
 * Starts the real build command from the repository: `tsx src/cli.ts build`, as the tests below
 * signal its node process, or `npm run build`, as a newsroom or a CI runner starts it. A full
 * build (`--full`) unless `inPlace`: the site's content is the same, so an update would have nothing to do.
 */
function startBuild(content: string, out: string, env: Record<string, string> = {}, launcher: 'tsx' | 'npm' = 'tsx', inPlace = false): RunningBuild {
  const mark = randomUUID();
  const options = ['--content', content, '--output', out, '--site-url', SITE_URL, ...(inPlace ? [] : ['--full'])];
  const [command, args] = launcher === 'tsx' ? [TSX, ['src/cli.ts', 'build', ...options]] : ['npm', ['run', '--silent', 'build', '--', ...options]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, TOA_SOAN_TEST_MARK: mark },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? 128 + os.constants.signals[signal as NodeJS.Signals])),
  );
  return { child, mark, stdout: () => stdout, stderr: () => stderr, exited };
}

/**
 * The Node process that runs the build: tsx's command starts it as its only child. Signals go to
 * it, as Ctrl+C (the whole process group) or `node --import tsx` would deliver them: tsx's command
 * passes a signal on but kills its child outright when that does not answer within 30 ms.
 */
function buildProcess(run: RunningBuild): number {
  const pid = run.child.pid!;
  return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0]);
}

/** Waits for the build to print `phase` and then for one of its processes whose command line matches `worker`. */
async function waitForWorker(run: RunningBuild, phase: string, worker: RegExp): Promise<void> {
  await waitFor(`"${phase}"`, () => run.stdout().includes(phase));
  await waitFor(`a process matching ${worker}`, () => processesMarked(run.mark).some(({ command }) => worker.test(command)));
}

const SHARD_WORKER = /shard-worker\.ts/;
const PAGEFIND = /pagefind_extended|pagefind --service/;

let content: string;
let out: string;
let before: Map<string, string>;

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-interrupt-'));
  for (let i = 0; i < ARTICLES; i++) {
    await writeFile(path.join(content, `bai-${i}.txt`), simpleArticle(`Tin số ${i} của tỉnh nhà`, 1 + (i % 28), i % 24));
  }
  const first = await build(content);
  expect(first.exitCode, first.issues).toBe(0);
  out = first.out;
  before = await hashTree(out);
});

describe.each([
  { signal: 'SIGTERM' as const, status: 143, during: 'Dựng trang…', worker: SHARD_WORKER },
  { signal: 'SIGINT' as const, status: 130, during: 'Lập chỉ mục tìm kiếm…', worker: PAGEFIND },
])('$signal while a worker ($worker) runs', ({ signal, status, during, worker }) => {
  let run: RunningBuild;
  let code: number;

  beforeAll(async () => {
    run = startBuild(content, out, SHARDED);
    await waitForWorker(run, during, worker);
    process.kill(buildProcess(run), signal);
    code = await run.exited;
  });

  test(`exits ${status} with one line saying the build was stopped`, () => {
    expect(code, run.stderr()).toBe(status);
    expect(run.stderr().trimEnd().split('\n')).toEqual([`Đã dừng dựng trang (${signal}); trang cũ trong ${out} được giữ nguyên.`]);
  });

  test('leaves the old site as it was and nothing beside it', async () => {
    expect(await readdir(path.dirname(out))).toEqual(['_site']);
    expect(await hashTree(out)).toEqual(before);
  });

  test('leaves no worker or Pagefind process running', async () => {
    await waitFor('every process of the build to end', () => processesMarked(run.mark).length === 0);
    expect(processesMarked(run.mark)).toEqual([]);
  });
});

describe.each([
  { phase: 'Dựng trang…', worker: SHARD_WORKER },
  { phase: 'Lập chỉ mục tìm kiếm…', worker: PAGEFIND },
])('kill -9 of the build while $worker runs', ({ phase, worker }) => {
  test('its workers end by themselves, and the next build removes what it left', async () => {
    const run = startBuild(content, out, SHARDED);
    await waitForWorker(run, phase, worker);
    process.kill(buildProcess(run), 'SIGKILL');
    await run.exited;
    // Nobody is left to stop them: workers and Pagefind notice that their parent died.
    await waitFor('the orphaned workers to end', () => processesMarked(run.mark).length === 0);
    expect((await readdir(path.dirname(out))).some((name) => name.startsWith('_site.tmp-'))).toBe(true);
    expect(await hashTree(out)).toEqual(before);

    const next = await build(content, { out });
    expect(next.exitCode, next.issues).toBe(0);
    expect(await readdir(path.dirname(out))).toEqual(['_site']);
    expect(await hashTree(out)).toEqual(before);
  });
});

test('SIGTERM to npm (`npm run build`, as a CI runner or service manager stops it) stops the build cleanly', async () => {
  const run = startBuild(content, out, SHARDED, 'npm');
  await waitForWorker(run, 'Dựng trang…', SHARD_WORKER);
  run.child.kill('SIGTERM');
  expect(await run.exited).not.toBe(0);
  expect(run.stderr()).toContain(`Đã dừng dựng trang (SIGTERM); trang cũ trong ${out} được giữ nguyên.`);
  await waitFor('every process of the build to end', () => processesMarked(run.mark).length === 0);
  expect(await readdir(path.dirname(out))).toEqual(['_site']);
  expect(await hashTree(out)).toEqual(before);
});

test('kill -9 of a build updating the site in place: the next build rebuilds it whole, as a full build would', async () => {
  const changed = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-interrupt-changed-'));
  for (const name of await readdir(content)) await copyFile(path.join(content, name), path.join(changed, name));
  await writeFile(path.join(changed, 'bai-moi.txt'), simpleArticle('Tin mới nhất của tỉnh nhà', 28, 23));
  const site = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-interrupt-inplace-'));
  await cp(out, path.join(site, '_site'), { recursive: true });
  const inPlace = path.join(site, '_site');

  const run = startBuild(changed, inPlace, SHARDED, 'tsx', true);
  await waitForWorker(run, 'Lập chỉ mục tìm kiếm…', PAGEFIND);
  process.kill(buildProcess(run), 'SIGKILL');
  await run.exited;
  await waitFor('the orphaned workers to end', () => processesMarked(run.mark).length === 0);
  // The state went before the first page changed: no build will trust this site.
  expect(existsSync(path.join(inPlace, '.toa-soan', 'state.json'))).toBe(false);

  const next = await build(changed, { out: inPlace, quiet: false });
  expect(next.exitCode, next.issues).toBe(0);
  expect(next.stdout).not.toContain('tệp viết mới');
  const full = await build(changed);
  expect(full.exitCode, full.issues).toBe(0);
  expect(await hashTree(inPlace)).toEqual(await hashTree(full.out));
});

/** The id of a process that has ended: what a killed build's folders are named with. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

test('a build killed between the two renames of its swap: the next build puts the last good site back', async () => {
  const parent = path.dirname(out);
  const stranded = path.join(parent, `_site.old-${deadPid()}-a1b2c3`);
  await rename(out, stranded);
  await mkdir(path.join(parent, `_site.tmp-${deadPid()}-d4e5f6`));
  // A build still running (this test's own process stands for it) keeps its folder.
  const live = path.join(parent, `_site.tmp-${process.pid}-livebu`);
  await mkdir(live);

  const broken = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-interrupt-bad-'));
  await copyFile(path.join(FIXTURES, '07-loi-khong-co-ngay.txt'), path.join(broken, 'loi.txt'));
  const failed = await build(broken, { out });
  expect(failed.exitCode).toBe(1);
  expect(failed.issues).toMatch(`trang cũ trong ${out} được giữ nguyên.`);
  expect((await readdir(parent)).sort()).toEqual(['_site', path.basename(live)]);
  expect(await hashTree(out)).toEqual(before);
});
