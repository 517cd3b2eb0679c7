/**
 * The two folders of article fixtures. The repository's own (`test/fixtures/articles`) are always there
 * and are what every test builds and parses. The shared conformance fixtures (`../shared/fixtures/articles`,
 * the format's spec kept beside the repository) are an extra check where a checkout has them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures/articles');

const sharedFolder = join(import.meta.dirname, '../../shared/fixtures/articles');
/** Null where there is no shared folder: a fork, or CI, tests with the repository's fixtures alone. */
export const SHARED_FIXTURES: string | null = existsSync(sharedFolder) ? sharedFolder : null;

/** What a fixture's `NAME.expected.json` says the parse gives, or that the article must be rejected. */
export interface Expected {
  error?: true;
  /** The error code the repository's fixtures name for a rejected article (the shared ones give only a reason). */
  code?: string;
  line?: number;
  title: string | null;
  date: string;
  author: string | null;
  credit: string | null;
  source: string | null;
  lead: string | null;
  headings: string[];
  captions: string[];
  paragraphs: string[];
}

/** The fixture names in `dir` (each `NAME.txt` without `.txt`), sorted. */
export function fixtureNames(dir: string = FIXTURES): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => file.slice(0, -'.txt'.length))
    .sort();
}

export function readExpected(name: string, dir: string = FIXTURES): Expected {
  return JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
}

/** The `.txt` files of the fixtures a site can be built from: every one not expected to be rejected. */
export function publishableFixtureFiles(dir: string = FIXTURES): string[] {
  return fixtureNames(dir)
    .filter((name) => !readExpected(name, dir).error)
    .map((name) => `${name}.txt`);
}
