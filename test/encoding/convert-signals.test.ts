import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryName } from '../../src/commands/convert.ts';
import { encodeLegacy } from './encode-legacy.ts';
import { seed } from './fixtures.ts';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];

/** In a process group of its own, so a signal can go to the whole group as Ctrl+C in a terminal does. */
function start(command: string, args: string[]): Run {
  const child = spawn(command, args, { cwd: ROOT, detached: true });
  started.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk) => (output.stdout += String(chunk)));
  child.stderr!.on('data', (chunk) => (output.stderr += String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}

/** The real CLI as editors run it: tsx, which passes signals on to the node process it starts. */
const convertCli = (...files: string[]) => start(TSX, [join(ROOT, 'src/cli.ts'), 'convert', '--from', 'tcvn3', ...files]);

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 60_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let dir: string;
const legacy = encodeLegacy(seed, 'tcvn3');

/**
 * Three articles, the middle one a named pipe: convert blocks reading it until the test writes
 * it, so a signal sent before that lands while a file is being converted, on any machine's speed.
 */
async function threeArticles(): Promise<[string, string, string]> {
  const files = ['a.txt', 'b.txt', 'c.txt'].map((name) => join(dir, name)) as [string, string, string];
  await writeFile(files[0], legacy);
  expect(spawnSync('mkfifo', [files[1]]).status).toBe(0);
  await writeFile(files[2], legacy);
  return files;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'toa-soan-convert-signal-'));
});

afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
  await rm(dir, { recursive: true, force: true });
});

describe('convert interrupted', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s finishes the file it is converting, stops, says so, and leaves no temporary file', async (signal, status) => {
    const [a, b, c] = await threeArticles();
    const run = convertCli(a, b, c);
    await until(() => run.output.stdout.includes(`${a}: `), 'the first file to be converted');
    process.kill(-run.child.pid!, signal);
    await writeFile(b, legacy);
    const { code } = await run.exited;

    expect(code).toBe(status);
    const stopLines = run.output.stderr.split('\n').filter((line) => line.includes('đã dừng'));
    expect(stopLines).toEqual([`toa-soan convert: đã dừng vì nhận ${signal}, sau 2/3 tệp; 1 tệp còn lại chưa được chuyển.`]);
    expect(run.output.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(a, 'utf8')).toBe(seed);
    expect(await readFile(b, 'utf8')).toBe(seed);
    expect(await readFile(c)).toEqual(legacy);
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'a.txt.bak', 'b.txt', 'b.txt.bak', 'c.txt']);
  });

  it('killed with SIGKILL leaves every article whole, and the next run converts the rest', async () => {
    const [a, b, c] = await threeArticles();
    // Straight through node, so the kill reaches the process doing the work rather than tsx's wrapper.
    const run = start(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'convert', '--from', 'tcvn3', a, b, c]);
    await until(() => run.output.stdout.includes(`${a}: `), 'the first file to be converted');
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');

    expect(await readFile(a, 'utf8')).toBe(seed);
    expect((await lstat(b)).isFIFO()).toBe(true);
    expect(await readFile(c)).toEqual(legacy);
    await rm(b);
    const again = convertCli(c);
    expect((await again.exited).code).toBe(0);
    expect(await readFile(c, 'utf8')).toBe(seed);
  });

  it('replaces a temporary file a killed run left behind, and removes it', async () => {
    const file = join(dir, 'bai.txt');
    await writeFile(file, legacy);
    await writeFile(temporaryName(file), 'nửa bài của lần chạy bị ngắt');
    const run = convertCli(file);
    expect((await run.exited).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(seed);
    expect((await readdir(dir)).sort()).toEqual(['bai.txt', 'bai.txt.bak']);
  });
});
