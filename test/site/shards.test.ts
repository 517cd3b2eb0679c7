import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { hashTree, makeContent, SITE_URL } from './site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The real build command, with shard sizes forced through the environment. */
async function buildWith(content: string, env: Record<string, string>, prefix?: string): Promise<string> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-shards-site-')), '_site');
  const args = ['src/cli.ts', 'build', '--content', content, '--output', out, '--site-url', SITE_URL, '--quiet', '--no-search'];
  if (prefix) args.push('--prefix', prefix);
  await run(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env: { ...process.env, ...env } });
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

  test('article shards with the listings in the build process, under a path prefix: byte-identical too', async () => {
    const [whole, sharded] = await Promise.all([
      buildWith(content, { TOA_SOAN_SHARD_SIZE: '100000', TOA_SOAN_SITE_SHARDS: '1' }, '/tin/'),
      buildWith(content, { TOA_SOAN_SHARD_SIZE: '5', TOA_SOAN_SITE_SHARDS: '1' }, '/tin/'),
    ]);
    expect(await hashTree(sharded)).toEqual(await hashTree(whole));
  });
});
