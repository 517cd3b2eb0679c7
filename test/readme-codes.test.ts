import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SITE_ISSUE_CODES } from '../src/corpus/issue-codes.ts';

const ROOT = join(import.meta.dirname, '..');

/** The codes in the first column of the README's table of codes (the one headed `| mã |`). */
function readmeCodes(): Set<string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| mã |')).split('\n\n')[0]!;
  const firstColumns = table.split('\n').map((row) => row.split('|')[1] ?? '');
  return new Set(firstColumns.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)));
}

/**
 * Every issue code the source can emit: quoted UPPER_SNAKE literals (`code: 'NO_DATE'`,
 * `error('NO_DATE', …)`, union members) and codes written into a `FILE:LINE: CODE:` template.
 * Node's own error codes (`ERR_…`, system errors such as `EAI_AGAIN`), which the code only reads, are not ours.
 */
function sourceCodes(): Set<string> {
  const codes = new Set<string>();
  for (const entry of readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const [, code] of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) codes.add(code!);
    for (const [, code] of text.matchAll(/:\d+: ([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+): /g)) codes.add(code!);
  }
  for (const code of codes) if (/^(ERR|EAI)_/.test(code) || code in constants.errno) codes.delete(code);
  return codes;
}

describe("the README's table of codes", () => {
  test('lists every code the source can emit', () => {
    const found = sourceCodes();
    // The scan must see the codes it is meant to see, or the test would pass on an empty set.
    for (const code of [...SITE_ISSUE_CODES, 'NO_DATE', 'DUPLICATE_SLUG', 'ENCODING_UNSURE']) expect(found).toContain(code);
    const listed = readmeCodes();
    expect([...found].filter((code) => !listed.has(code)).sort()).toEqual([]);
  });

  test('lists no code the source does not emit', () => {
    const found = sourceCodes();
    expect([...readmeCodes()].filter((code) => !found.has(code)).sort()).toEqual([]);
  });
});
