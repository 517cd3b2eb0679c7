import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { hashTree, makeContent, SITE_URL } from './site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The real build command, with shard sizes forced through the environment, run from `cwd`. */
async function buildWith(content: string, env: Record<string, string>, prefix?: string, cwd: string = ROOT): Promise<string> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-shards-site-')), '_site');
  const args = [path.join(ROOT, 'src/cli.ts'), 'build', '--content', content, '--output', out, '--site-url', SITE_URL, '--quiet', '--no-search'];
  if (prefix) args.push('--prefix', prefix);
  await run(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd, env: { ...process.env, ...env } });
  return out;
}

let content: string;
beforeAll(async () => {
  content = await makeContent();
});

describe('sharded build', () => {
  test('article pages in 3-article shards and site pages in 3 workers: byte-identical to the one-process build', async () => {
    const [whole, sharded] = await Promise.all([
      buildWith(content, { TOA_SOAN_SHARD_SIZE: '100000', TOA_SOAN_SITE_SHARDS: '1' }),
      buildWith(content, { TOA_SOAN_SHARD_SIZE: '3', TOA_SOAN_SITE_SHARDS: '3' }),
    ]);
    const expected = await hashTree(whole);
    expect(expected.size).toBeGreaterThan(60);
    expect(await hashTree(sharded)).toEqual(expected);
  });

  test('article shards with the listings in the build process, under a path prefix, run from another folder: byte-identical too', async () => {
    // Workers must find their TypeScript loader wherever the build is started (a newsroom's repository has no node_modules/tsx of its own).
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-shards-cwd-'));
    const [whole, sharded] = await Promise.all([
      buildWith(content, { TOA_SOAN_SHARD_SIZE: '100000', TOA_SOAN_SITE_SHARDS: '1' }, '/tin/'),
      buildWith(content, { TOA_SOAN_SHARD_SIZE: '5', TOA_SOAN_SITE_SHARDS: '1' }, '/tin/', elsewhere),
    ]);
    expect(await hashTree(sharded)).toEqual(await hashTree(whole));
  });
});
