/**
 * Mutation testing of the CLI: a few hundred articles made from the repository's fixtures by
 * deleting, doubling, swapping and cutting lines, adding junk, template syntax, override blocks of
 * every shape, NFD and broken bytes, then `check` and `build` run on them as child processes.
 * Whatever the input, the answer is an exit code of 0 or 1 and `FILE:LINE: CODE: message` lines,
 * never a stack trace.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticleBytes } from '../src/parser/index.ts';
import { FIXTURES, SHARED_FIXTURES } from './fixtures.ts';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MUTANTS = 300;
const SEED = 20160611;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const { code, stdout, stderr } = err as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

function articleTexts(dir: string | null): string[] {
  if (dir === null || !existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

const SOURCES = [...articleTexts(FIXTURES), ...articleTexts(join(ROOT, 'content')), ...articleTexts(SHARED_FIXTURES)];

const JUNK = ['', '.', '---', '...', '# tiêu đề', '<script>alert(1)</script>', '&nbsp;', '\u200b', '\u00a0', 'Cập nhật lúc:', 'TIN LIÊN QUAN', 'Bài, ảnh:'];
const TEMPLATE_SYNTAX = ['{{ title }}', '{% include "x" %}', '${process.exit(1)}', '{{{ raw }}}', '{#- comment -#}', '<%= x %>', '{% raw %}{{ x }}{% endraw %}'];
const OVERRIDE_BLOCKS = [
  'Một dòng chữ bất kỳ.', '42', 'null', '- a\n- b', '', 'title: Sơn Hà: Mưa lớn', 'title: "không đóng', 'titel: Tiêu đề',
  'title: !!binary SGVsbG8=', 'author: !js/function f', 'title: *neo', 'a: &x [1]\nb: *x', 'headings:\n\t- Một', 'headings:\n  - Một\n  Hai',
  'title:\n  vi: Tiêu đề', 'title: a\ntitle: b', 'date: 2019-02-30 08:00', 'captions: [a, b, c]', 'headings: [Không có]', `title: ${'['.repeat(5000)}`,
  `headings:\n${Array.from({ length: 500 }, (_, i) => `  - Mục ${i}`).join('\n')}`,
];

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'swap'; at: number }
  | { kind: 'truncate'; at: number; keep: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'override'; block: string; closed: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...JUNK, ...TEMPLATE_SYNTAX) }),
  fc.record({ kind: fc.constant('override' as const), block: fc.constantFrom(...OVERRIDE_BLOCKS), closed: fc.boolean() }),
);

interface Mutant {
  source: number;
  mutations: Mutation[];
  nfd: boolean;
  crlf: boolean;
  brokenBytes: { at: number; bytes: Uint8Array } | null;
}

const mutant: fc.Arbitrary<Mutant> = fc.record({
  source: fc.nat(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  nfd: fc.boolean(),
  crlf: fc.boolean(),
  brokenBytes: fc.option(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }).map((bytes) => bytes.map((byte) => byte | 0x80)) }), { freq: 4 }),
});

function mutateLines(lines: readonly string[], change: Mutation): string[] {
  const result = [...lines];
  const at = 'at' in change ? change.at % Math.max(result.length, 1) : 0;
  switch (change.kind) {
    case 'delete':
      result.splice(at, 1);
      break;
    case 'duplicate':
      result.splice(at, 0, result[at] ?? '');
      break;
    case 'swap':
      [result[at], result[at + 1]] = [result[at + 1] ?? '', result[at] ?? ''];
      break;
    case 'truncate':
      result[at] = (result[at] ?? '').slice(0, change.keep % ((result[at]?.length ?? 0) + 1));
      result.length = at + 1;
      break;
    case 'insert':
      result.splice(at, 0, change.text);
      break;
    case 'override':
      result.unshift('---', ...change.block.split('\n'), ...(change.closed ? ['---'] : []));
      break;
  }
  return result;
}

/** One mutated article file. Pure: the same mutant always gives the same bytes. */
function mutate(sources: readonly string[], { source, mutations, nfd, crlf, brokenBytes }: Mutant): Uint8Array {
  let text = mutations.reduce(mutateLines, sources[source % sources.length]!.split(/\r?\n/)).join(crlf ? '\r\n' : '\n');
  if (nfd) text = text.normalize('NFD');
  const bytes = new TextEncoder().encode(text);
  if (brokenBytes === null) return bytes;
  const at = brokenBytes.at % (bytes.length + 1);
  return Uint8Array.from([...bytes.subarray(0, at), ...brokenBytes.bytes, ...bytes.subarray(at)]);
}

/** What shows a crash rather than an answer: a stack frame or a JavaScript error's name. */
const CRASH = /^\s+at |\b(?:TypeError|SyntaxError|RangeError|ReferenceError|YAMLException)\b|Error: /m;

async function writeFolder(name: string, articles: readonly Uint8Array[]): Promise<{ dir: string; files: Map<string, Uint8Array> }> {
  const dir = await mkdtemp(join(tmpdir(), `toa-soan-${name}-`));
  const files = new Map(articles.map((bytes, index) => [join(dir, `bai-${String(index).padStart(3, '0')}.txt`), bytes] as const));
  await mkdir(dir, { recursive: true });
  await Promise.all([...files].map(([file, bytes]) => writeFile(file, bytes)));
  return { dir, files };
}

const mutants = fc.sample(mutant, { seed: SEED, numRuns: MUTANTS }).map((each) => mutate(SOURCES, each));

/** Lines of output that name an article of `dir`, each read as FILE:LINE: CODE: message. */
function articleLines(output: string, dir: string) {
  return output
    .split('\n')
    .filter((line) => line.startsWith(dir))
    .map((line) => ({ line, match: /^(.+?\.txt):(\d+): ([A-Z][A-Z0-9_]*): (\S.*)$/u.exec(line) }));
}

describe('the CLI on a few hundred mutated articles', () => {
  it('has fixtures to mutate', () => {
    expect(SOURCES.length).toBeGreaterThanOrEqual(5);
  });

  it('check and build answer every file with FILE:LINE: CODE lines, never a stack trace', async () => {
    const { dir, files } = await writeFolder('mutants', mutants);
    const rejected = [...files].filter(([, bytes]) => !parseArticleBytes(bytes).ok).map(([file]) => file);
    // The mix must really hold both kinds, or the test proves little.
    expect(rejected.length).toBeGreaterThan(MUTANTS / 10);
    expect(rejected.length).toBeLessThan(MUTANTS);

    const check = await cli('check', dir);
    const build = await cli('build', '--content', dir, '--output', `${dir}-site`, '--no-search', '--quiet');

    for (const [name, run, where] of [
      ['check', check, `${check.stdout}\n${check.stderr}`],
      ['build', build, build.stderr],
    ] as const) {
      // Some articles are rejected, so both must say so with 1 (never 2, a signal or a crash's code).
      expect(run.code, `${name} exit code`).toBe(1);
      expect(`${run.stdout}\n${run.stderr}`, `${name} output`).not.toMatch(CRASH);
      const lines = articleLines(where, dir);
      for (const { line, match } of lines) {
        expect(match, `${name}: ${line}`).not.toBeNull();
        expect(files.has(match![1]!), `${name} names a real file: ${line}`).toBe(true);
        expect(Number(match![2])).toBeGreaterThanOrEqual(1);
      }
      const named = new Set(lines.map(({ match }) => match![1]));
      expect(rejected.filter((file) => !named.has(file)), `${name} names every rejected file`).toEqual([]);
    }
  });

  it('builds the mutants it accepts, template syntax in their text printed as text', async () => {
    const accepted = mutants.filter((bytes) => parseArticleBytes(bytes).ok);
    const { dir } = await writeFolder('accepted', accepted);
    const output = `${dir}-site`;
    const build = await cli('build', '--content', dir, '--output', output, '--no-search', '--quiet');
    expect(build.code, build.stderr).toBe(0);
    expect(`${build.stdout}\n${build.stderr}`).not.toMatch(CRASH);
    const withTemplate = accepted.map((bytes) => new TextDecoder().decode(bytes)).find((text) => text.includes('{{ title }}'));
    expect(withTemplate, 'a mutant with template syntax is among the accepted').toBeDefined();
    const sitemap = await readFile(join(output, 'sitemap.xml'), 'utf8');
    const pages = await Promise.all(
      [...sitemap.matchAll(/<loc>[^<]*?(\/\d{4}\/\d{2}\/[^<]+\/)<\/loc>/g)].map((match) => readFile(join(output, match[1]!, 'index.html'), 'utf8')),
    );
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.some((page) => page.includes('{{ title }}'))).toBe(true);
  });
});
