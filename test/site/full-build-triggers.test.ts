/**
 * What an update cannot follow page by page makes the next build a full one, whose site equals a
 * fresh build's: the section list in `templates/_data/sections.json` (like any template or code,
 * through the code's digest) and another site address. Run from a copy of the code, since the test
 * edits a template: the build's code is the folder it runs from.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { hashTree, makeContent, SITE_URL } from './site-fixture.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CODE = ['src', 'templates', '.eleventy.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

async function codeCopy(): Promise<string> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-code-'));
  for (const name of CODE) await cp(path.join(ROOT, name), path.join(copy, name), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

/** `build` of `content` into `out` by the code in `code`; its output lines. */
async function build(code: string, content: string, out: string, siteUrl = SITE_URL): Promise<string> {
  const { stdout } = await run(path.join(code, 'node_modules/.bin/tsx'), ['src/cli.ts', 'build', '--content', content, '--output', out, '--site-url', siteUrl], { cwd: code });
  return stdout;
}

const freshFolder = async () => path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-site-')), '_site');

test("a changed section list or site address makes a full build, equal to a fresh build's site", async () => {
  const code = await codeCopy();
  const content = await makeContent();
  const out = await freshFolder();
  await build(code, content, out);
  expect(await build(code, content, out)).toMatch(/không trang nào thay đổi/);

  const sections = path.join(code, 'templates/_data/sections.json');
  const list = JSON.parse(await readFile(sections, 'utf8')) as Record<string, string>;
  // The fixture's stories of `loat/` are in a section the list lacks, shown by its folder's name until it is named here.
  await writeFile(sections, `${JSON.stringify({ ...list, loat: 'Loạt tin ngắn' }, null, 2)}\n`);
  const renamed = await build(code, content, out);
  expect(renamed).toContain('Dựng lại toàn bộ');
  const fresh = await freshFolder();
  await build(code, content, fresh);
  expect(await hashTree(out)).toEqual(await hashTree(fresh));
  expect(await readFile(path.join(out, 'loat/index.html'), 'utf8')).toContain('Loạt tin ngắn');

  const elsewhere = 'https://tin.baoquangngai.example/';
  expect(await build(code, content, out, elsewhere)).toContain('Dựng lại toàn bộ');
  const freshElsewhere = await freshFolder();
  await build(code, content, freshElsewhere, elsewhere);
  expect(await hashTree(out)).toEqual(await hashTree(freshElsewhere));
}, 300_000);
