import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ISSUE_CATALOGUE, ISSUE_CODES, type Severity } from '../src/issues/catalogue.ts';
import { codesTable, TABLE_END, TABLE_START, withCodesTable } from '../src/issues/codes-table.ts';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'scripts/docs-codes.ts');

async function docsCodes(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [SCRIPT, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const { code, stdout, stderr } = err as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

function sourceTexts(): string[] {
  return readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

/**
 * Every issue code the source can emit, found without trusting the types: quoted UPPER_SNAKE literals
 * (`code: 'NO_DATE'`, `error('NO_DATE', …)`, union members) and codes written into a `FILE:LINE: CODE:`
 * template. Node's own error codes (`ERR_…`, system errors such as `EAI_AGAIN`), which the code only reads,
 * are not ours; neither are the catalogue's keys, which are not quoted.
 */
function sourceCodes(): Set<string> {
  const codes = new Set<string>();
  for (const text of sourceTexts()) {
    for (const [, code] of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) codes.add(code!);
    for (const [, code] of text.matchAll(/:\d+: ([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+): /g)) codes.add(code!);
  }
  for (const code of codes) if (/^(ERR|EAI)_/.test(code) || code in constants.errno) codes.delete(code);
  return codes;
}

/** The severity and code of issues written as object literals, which the catalogue's types do not check. */
function literalIssues(): { severity: Severity; code: string }[] {
  return sourceTexts().flatMap((text) =>
    [...text.matchAll(/severity: '(error|warning)', code: '([A-Z0-9_]+)'/g)].map(([, severity, code]) => ({ severity: severity as Severity, code: code! })),
  );
}

describe('the catalogue of issue codes', () => {
  test('holds every code the source can emit, and no other', () => {
    const found = sourceCodes();
    // The scan must see codes of every stage, or the test would pass on an empty set.
    for (const code of ['NO_DATE', 'DUPLICATE_SLUG', 'MISSING_PHOTO', 'BAD_PHOTO', 'ENCODING_UNSURE', 'WRITE_FAILED']) expect(found).toContain(code);
    expect([...found].filter((code) => !(code in ISSUE_CATALOGUE)).sort()).toEqual([]);
    expect(ISSUE_CODES.filter((code) => !found.has(code))).toEqual([]);
  });

  test('gives each issue written as a literal a severity its code has', () => {
    const literals = literalIssues();
    expect(literals.length).toBeGreaterThan(0);
    const wrong = literals.filter(({ severity, code }) => !(ISSUE_CATALOGUE[code as keyof typeof ISSUE_CATALOGUE]?.severities as readonly Severity[] | undefined)?.includes(severity));
    expect(wrong).toEqual([]);
  });

  test('says in Vietnamese what each code means and how to fix it', () => {
    for (const code of ISSUE_CODES) {
      const { severities, meaning, fix } = ISSUE_CATALOGUE[code];
      expect(severities.length, code).toBeGreaterThan(0);
      expect(meaning.trim(), code).not.toBe('');
      expect(fix.trim(), code).not.toBe('');
    }
  });
});

describe("the README's table of codes", () => {
  test('is the table the catalogue generates', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(withCodesTable(readme, codesTable())).toBe(readme);
  });

  test('has a row for every code, with its severities', () => {
    const rows = codesTable().split('\n');
    expect(rows).toContain('| `UNKNOWN_OVERRIDE` | lỗi hoặc cảnh báo | trường ghi đè lạ: lỗi khi tên gần giống một trường có thật (`titel` → `title`), cảnh báo khi khác hẳn | sửa tên trường như lời nhắn gợi ý, hoặc xoá dòng |');
    expect(rows).toHaveLength(2 + ISSUE_CODES.length);
    for (const code of ISSUE_CODES) expect(rows.filter((row) => row.startsWith(`| \`${code}\``))).toHaveLength(1);
  });

  test('escapes a bar in a description so it cannot split the row', () => {
    const table = codesTable({ X_Y: { severities: ['warning'], meaning: 'a | b', fix: 'c' } });
    expect(table.split('\n')[2]).toBe('| `X_Y` | cảnh báo | a \\| b | c |');
  });
});

describe('scripts/docs-codes.ts', () => {
  const stale = `# README\n\n${TABLE_START}\n| mã |\n| --- |\n| \`OLD_CODE\` |\n${TABLE_END}\n\nThe end.\n`;

  test('--check passes on the repository README', async () => {
    expect(await docsCodes('--check')).toMatchObject({ code: 0, stderr: '' });
  });

  test('--check fails on a stale table and leaves the file alone', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'docs-codes-')), 'README.md');
    await writeFile(file, stale);
    const { code, stderr } = await docsCodes('--check', file);
    expect(code).toBe(1);
    expect(stderr).toContain('scripts/docs-codes.ts');
    expect(await readFile(file, 'utf8')).toBe(stale);
  });

  test('rewrites only the table between the markers', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'docs-codes-')), 'README.md');
    await writeFile(file, stale);
    expect((await docsCodes(file)).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(`# README\n\n${TABLE_START}\n${codesTable()}\n${TABLE_END}\n\nThe end.\n`);
    expect(await docsCodes('--check', file)).toMatchObject({ code: 0 });
  });

  test('refuses a README without the markers', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'docs-codes-')), 'README.md');
    await writeFile(file, '# README\n');
    const { code, stderr } = await docsCodes(file);
    expect(code).toBe(1);
    expect(stderr).toContain(TABLE_START);
    expect(await readFile(file, 'utf8')).toBe('# README\n');
  });

  test('answers a bad command line with the usage, exit 2', async () => {
    const { code, stderr } = await docsCodes('--nope');
    expect(code).toBe(2);
    expect(stderr).toContain('Cách dùng (usage): npx tsx scripts/docs-codes.ts');
  });
});
