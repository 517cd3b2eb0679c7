import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../src/commands/convert.ts';
import { UsageError } from '../../src/commands/command.ts';
import { LEGACY_ENCODINGS } from '../../src/encoding/legacy.ts';
import { parseArticle, parseArticleBytes } from '../../src/parser/index.ts';
import { encodeLegacy } from './encode-legacy.ts';
import { articles, readFixture, seed } from './fixtures.ts';

const seedExpected = JSON.parse(readFixture('seed.expected.json'));

let dir: string;
let stdout: string;
let stderr: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'toa-soan-convert-'));
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('convert', () => {
  it('guesses each legacy encoding, rewrites the files as UTF-8, and they then parse', async () => {
    const files = [];
    for (const encoding of LEGACY_ENCODINGS) {
      const file = join(dir, `${encoding}.txt`);
      await writeFile(file, encodeLegacy(seed, encoding));
      files.push(file);
    }
    expect(parseArticleBytes(await readFile(files[0]!)).ok).toBe(false);

    expect(await command.run(files)).toBe(0);

    for (const [index, encoding] of LEGACY_ENCODINGS.entries()) {
      const file = files[index]!;
      expect(await readFile(file, 'utf8')).toBe(seed);
      expect(await readFile(`${file}.bak`)).toEqual(encodeLegacy(seed, encoding));
      expect(stdout).toContain(`${file}: đoán là bảng mã`);
      expect(stdout).toContain(`(--from ${encoding})`);
      const parsed = parseArticleBytes(await readFile(file));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.article.title).toBe(seedExpected.title);
        expect(parsed.article.author).toBe(seedExpected.author);
      }
    }
  });

  const validArticles = articles.filter(({ name }) => !name.startsWith('07-'));
  it.each(validArticles.map(({ name }) => name))(
    'converts the TCVN3 form of %s back to an article that parses',
    async (name) => {
      const original = validArticles.find((article) => article.name === name)!.text;
      const file = join(dir, name);
      await writeFile(file, encodeLegacy(original, 'tcvn3'));
      expect(await command.run(['--from', 'tcvn3', file])).toBe(0);
      const converted = await readFile(file, 'utf8');
      expect(converted).toBe(original);
      expect(parseArticle(converted).ok).toBe(true);
    },
  );

  it('keeps CRLF line endings', async () => {
    const file = join(dir, 'crlf.txt');
    const text = seed.replace(/\n/g, '\r\n');
    await writeFile(file, encodeLegacy(text, 'vni'));
    expect(await command.run(['--from', 'vni', file])).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('never overwrites an existing backup', async () => {
    const file = join(dir, 'a.txt');
    await writeFile(file, encodeLegacy(seed, 'tcvn3'));
    await writeFile(`${file}.bak`, 'older backup');
    await writeFile(`${file}.bak.1`, 'even older');
    expect(await command.run(['--from', 'tcvn3', file])).toBe(0);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('older backup');
    expect(await readFile(`${file}.bak.1`, 'utf8')).toBe('even older');
    expect(await readFile(`${file}.bak.2`)).toEqual(encodeLegacy(seed, 'tcvn3'));
    expect(stdout).toContain(`bản gốc giữ ở ${file}.bak.2`);
  });

  it('refuses a UTF-8 file without touching it, and still converts the others', async () => {
    const utf8File = join(dir, 'utf8.txt');
    const legacyFile = join(dir, 'legacy.txt');
    await writeFile(utf8File, seed);
    await writeFile(legacyFile, encodeLegacy(seed, 'windows-1258'));
    expect(await command.run([utf8File, legacyFile])).toBe(1);
    expect(stderr).toMatch(new RegExp(`^${utf8File}:1: ALREADY_UTF8: Tệp đã là UTF-8`));
    expect(await readFile(utf8File, 'utf8')).toBe(seed);
    expect(await readFile(legacyFile, 'utf8')).toBe(seed);
    expect((await readdir(dir)).sort()).toEqual(['legacy.txt', 'legacy.txt.bak', 'utf8.txt']);
  });

  it('refuses to guess when unsure, and a --from the bytes contradict', async () => {
    const unclear = join(dir, 'unclear.txt');
    const tcvn3 = join(dir, 'tcvn3.txt');
    await writeFile(unclear, Uint8Array.from([0xff, 0xfe, 0x20, 0x9d, 0x81]));
    await writeFile(tcvn3, encodeLegacy(seed, 'tcvn3'));
    expect(await command.run(['--from', 'auto', unclear])).toBe(1);
    expect(await command.run(['--from', 'vni', tcvn3])).toBe(1);
    expect(stderr).toContain(`${unclear}:1: ENCODING_UNSURE: `);
    expect(stderr).toContain(`${tcvn3}:1: ENCODING_MISMATCH: Tệp có vẻ là bảng mã TCVN3 (ABC), không phải VNI Windows.`);
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('repairs with --force a UTF-8 file holding VNI text misread as Windows-1252', async () => {
    const file = join(dir, 'misread.txt');
    await writeFile(file, new TextDecoder('windows-1252').decode(encodeLegacy(seed, 'vni')), 'utf8');
    expect(await command.run(['--force', file])).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(seed);
    expect(stdout).toContain('đã sửa chữ bị đọc nhầm thành UTF-8');
  });

  it('warns, with its line, about a byte the encoding leaves undefined', async () => {
    const file = join(dir, 'undefined-byte.txt');
    const bytes = encodeLegacy(seed, 'windows-1258');
    const thirdLine = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    bytes[thirdLine] = 0x8d; // undefined in Windows-1258
    await writeFile(file, bytes);
    expect(await command.run(['--from', 'windows-1258', file])).toBe(0);
    expect(stderr).toContain(`${file}:3: UNDEFINED_BYTE: Có byte không thuộc bảng mã Windows-1258 (CP1258)`);
  });

  it('reports a missing file', async () => {
    const file = join(dir, 'missing.txt');
    expect(await command.run([file])).toBe(1);
    expect(stderr).toContain(`${file}:1: NO_FILE: Không đọc được tệp (ENOENT).`);
  });

  it.each([[['--from', 'latin1', 'a.txt']], [['--from', 'vni']], [['--bogus', 'a.txt']]])(
    'rejects the command line %j',
    async (args) => {
      await expect(command.run(args)).rejects.toBeInstanceOf(UsageError);
    },
  );
});

describe('npx tsx src/cli.ts convert', () => {
  const cli = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'src/cli.ts', 'convert', ...args], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' });

  it('converts a legacy file end to end', async () => {
    const file = join(dir, 'bai.txt');
    await writeFile(file, encodeLegacy(seed, 'tcvn3'));
    const result = cli('--from', 'tcvn3', file);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('bảng mã TCVN3 (ABC); đã chuyển sang UTF-8');
    expect(await readFile(file, 'utf8')).toBe(seed);
  });

  it('prints its help', () => {
    const result = cli('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--from');
    expect(result.stdout).toContain('.bak');
  });
});
