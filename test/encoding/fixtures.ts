import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../fixtures.ts';

export { FIXTURES };

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export const seed = readFixture('seed.txt');

/** Every fixture article, BOM removed (a legacy encoding has none). */
export const articles = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFixture(name).replace(/^\uFEFF/, '') }));
