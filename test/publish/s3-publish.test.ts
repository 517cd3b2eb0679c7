import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../../bench/local-s3.ts';
import { IMMUTABLE, SHORT_LIVED } from '../../src/publish/headers.ts';
import { publish, publishEnv, putObject, readBucket, siteKeys, writeSite } from './s3-harness.ts';

const SITE = {
  'index.html': '<!doctype html><title>Trang chủ</title><a href="2016/06/bai/">Bài</a>',
  '2016/06/bai/index.html': '<!doctype html><title>Đảng ủy xã An Hải</title>',
  'thoi-su/feed.xml': '<?xml version="1.0" encoding="utf-8"?><feed/>',
  'sitemap.xml': '<?xml version="1.0" encoding="utf-8"?><urlset/>',
  'robots.txt': 'User-agent: *\n',
  'style.css': 'body { color: #222 }',
  'img/Ab12Cd-800.avif': Buffer.from([0, 0, 0, 28, 102, 116, 121, 112]),
  'pagefind/ngay/pagefind-entry.json': '{"version":"1.5.0"}',
  'pagefind/ngay/pagefind.js': 'export {}',
  'pagefind/ngay/pagefind.vi_e99ee3c713.pf_meta': Buffer.from([31, 139, 8, 0]),
  'pagefind/ngay/fragment/vi_07c1ea7.pf_fragment': Buffer.from([31, 139, 8, 1]),
};

let s3: LocalS3;
let to: string;
beforeEach(async () => {
  s3 = await startLocalS3(['kho']);
  to = 's3://kho/tin';
});
afterEach(async () => {
  await s3.close();
});

const args = (site: string, ...more: string[]) => ['--output', site, '--to', to, '--endpoint', s3.endpoint, ...more];
const writes = () => s3.requests.filter((request) => request.method === 'PUT' || request.method === 'POST' || request.method === 'DELETE');
const puts = () => s3.requests.filter((request) => request.method === 'PUT').map((request) => request.path);
/** The writes in the order the store answered them: `PUT /kho/tin/KEY`, or `delete` for a DeleteObjects. */
const writeOrder = () => writes().map((request) => (request.method === 'POST' && request.query.includes('delete') ? 'delete' : `${request.method} ${request.path}`));

describe('toa-soan publish', () => {
  it('makes the bucket hold exactly the site: keys, bytes, content types and cache control; never the build\'s state', async () => {
    const site = await writeSite({ ...SITE, '.toa-soan/state.json': '{"format":"toa-soan-build-state-1"}' });
    const run = await publish(args(site));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/tải lên 11 tệp .* xoá 0 tệp, 0 tệp không đổi/);
    const objects = await readBucket(s3, 'kho', 'tin/');
    expect(siteKeys(objects)).toEqual(Object.keys(SITE).sort());
    for (const [key, content] of Object.entries(SITE)) expect(objects.get(key)!.body.equals(Buffer.from(content)), key).toBe(true);
    expect(objects.get('2016/06/bai/index.html')).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: SHORT_LIVED });
    expect(objects.get('thoi-su/feed.xml')).toMatchObject({ contentType: 'application/xml; charset=utf-8', cacheControl: SHORT_LIVED });
    expect(objects.get('style.css')).toMatchObject({ contentType: 'text/css; charset=utf-8', cacheControl: SHORT_LIVED });
    expect(objects.get('img/Ab12Cd-800.avif')).toMatchObject({ contentType: 'image/avif', cacheControl: IMMUTABLE });
    expect(objects.get('pagefind/ngay/fragment/vi_07c1ea7.pf_fragment')).toMatchObject({ contentType: 'application/octet-stream', cacheControl: IMMUTABLE });
    expect(objects.get('pagefind/ngay/pagefind.vi_e99ee3c713.pf_meta')).toMatchObject({ cacheControl: IMMUTABLE });
    expect(objects.get('pagefind/ngay/pagefind-entry.json')).toMatchObject({ contentType: 'application/json; charset=utf-8', cacheControl: SHORT_LIVED });
    expect(objects.get('pagefind/ngay/pagefind.js')).toMatchObject({ cacheControl: SHORT_LIVED });
    expect([...objects.keys()].filter((key) => key.startsWith('.toa-soan/'))).toEqual(['.toa-soan/manifest.json.gz']);
  });

  it('uploads a changed file again, an unchanged one never, and deletes a removed file after every upload', async () => {
    const site = await writeSite(SITE);
    expect((await publish(args(site))).code).toBe(0);

    s3.requests.length = 0;
    const again = await publish(args(site));
    expect(again.code).toBe(0);
    expect(writes()).toEqual([]);

    s3.requests.length = 0;
    await writeFile(join(site, 'style.css'), 'body { color: #111 }');
    // Same bytes, written anew: a build rewrites every file, and that must not count as a change.
    await writeFile(join(site, 'robots.txt'), SITE['robots.txt']);
    await writeFile(join(site, '2016/06/bai/index.html'), SITE['2016/06/bai/index.html']);
    await rm(join(site, 'sitemap.xml'));
    const changed = await publish(args(site));
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/tải lên 1 tệp .* xoá 1 tệp, 9 tệp không đổi/);
    expect(puts()).toEqual(['/kho/tin/style.css', '/kho/tin/.toa-soan/manifest.json.gz']);
    expect(writeOrder()).toEqual(['PUT /kho/tin/style.css', 'delete', 'PUT /kho/tin/.toa-soan/manifest.json.gz']);
    const objects = await readBucket(s3, 'kho', 'tin/');
    expect(siteKeys(objects)).not.toContain('sitemap.xml');
    expect(objects.get('style.css')!.body.toString('utf8')).toBe('body { color: #111 }');
  });

  it('uploads new files, then new pages, then changed pages and listings, and deletes last', async () => {
    const site = await writeSite(SITE);
    expect((await publish(args(site))).code).toBe(0);
    s3.requests.length = 0;
    // A new story with a new photo; the story before it links to it, and so does the front page.
    await mkdir(join(site, '2016/07/moi'), { recursive: true });
    await writeFile(join(site, '2016/07/moi/index.html'), '<img src="/img/Ef34-800.avif">');
    await writeFile(join(site, 'img/Ef34-800.avif'), Buffer.from([1, 2, 3]));
    await writeFile(join(site, '2016/06/bai/index.html'), `${SITE['2016/06/bai/index.html']}<a href="../../07/moi/">Sau</a>`);
    await writeFile(join(site, 'index.html'), `${SITE['index.html']}<a href="2016/07/moi/">Mới</a>`);
    await rm(join(site, 'thoi-su/feed.xml'));
    expect((await publish(args(site))).code).toBe(0);
    expect(writeOrder()).toEqual([
      'PUT /kho/tin/img/Ef34-800.avif',
      'PUT /kho/tin/2016/07/moi/index.html',
      'PUT /kho/tin/2016/06/bai/index.html',
      'PUT /kho/tin/index.html',
      'delete',
      'PUT /kho/tin/.toa-soan/manifest.json.gz',
    ]);
  });

  it('never uploads a photo object again nor deletes one: its name is its content, and old pages may link it', async () => {
    const site = await writeSite(SITE);
    expect((await publish(args(site))).code).toBe(0);
    s3.requests.length = 0;
    // Other bytes under the same name (another encoder's output), and the photo's record, new.
    await writeFile(join(site, 'img/Ab12Cd-800.avif'), Buffer.from([9, 9, 9]));
    await mkdir(join(site, 'img/rec'));
    await writeFile(join(site, 'img/rec/Ab12Cd.json'), '{"key":"Ab12Cd"}');
    expect((await publish(args(site))).code).toBe(0);
    expect(puts()).toEqual(['/kho/tin/img/rec/Ab12Cd.json', '/kho/tin/.toa-soan/manifest.json.gz']);

    // A build given the published site (`build --previous`) writes no photo files, only records.
    s3.requests.length = 0;
    await rm(join(site, 'img/Ab12Cd-800.avif'));
    const run = await publish(args(site));
    expect(run.code).toBe(0);
    expect(writeOrder()).toEqual(['PUT /kho/tin/.toa-soan/manifest.json.gz']);
    const objects = await readBucket(s3, 'kho', 'tin/');
    expect(objects.get('img/Ab12Cd-800.avif')!.body.equals(SITE['img/Ab12Cd-800.avif'])).toBe(true);
    expect(objects.get('img/rec/Ab12Cd.json')).toMatchObject({ contentType: 'application/json; charset=utf-8', cacheControl: IMMUTABLE });
  });

  it('--dry-run lists the uploads and deletions in their order and writes nothing', async () => {
    const site = await writeSite(SITE);
    await putObject(s3, 'kho', 'tin/cu.html', 'cũ');
    s3.requests.length = 0;
    const run = await publish(args(site, '--dry-run'));
    expect(run.code).toBe(0);
    expect(writes()).toEqual([]);
    const listed = run.stdout.split('\n').filter((line) => /^(tải lên|xoá)/.test(line));
    expect(listed).toHaveLength(12);
    expect(listed[0]).toBe('tải lên (mới): img/Ab12Cd-800.avif');
    expect(listed.at(-1)).toBe('xoá: cu.html');
    expect(run.stdout).toMatch(/sẽ tải lên 11 tệp .* xoá 1 tệp; 0 tệp không đổi\. Không ghi gì vào kho\./);
    expect(siteKeys(await readBucket(s3, 'kho', 'tin/'))).toEqual(['cu.html']);
  });

  it('retries an upload the store answers with a 5xx', async () => {
    const site = await writeSite(SITE);
    const failed = new Set<string>();
    s3.fault = (request) => {
      if (request.method !== 'PUT' || failed.has(request.url!)) return undefined;
      failed.add(request.url!);
      return 503;
    };
    const run = await publish(args(site));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const statuses = s3.requests.filter((request) => request.path === '/kho/tin/index.html').map((request) => request.status);
    expect(statuses).toEqual([503, 200]);
    expect(siteKeys(await readBucket(s3, 'kho', 'tin/'))).toEqual(Object.keys(SITE).sort());
  });

  it('gives up on a store that keeps failing: one line, exit 1, no manifest, and the next run finishes', async () => {
    const site = await writeSite(SITE);
    s3.fault = (request) => (request.method === 'PUT' && request.url!.includes('/style.css') ? 500 : undefined);
    const run = await publish(args(site));
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^toa-soan publish: STORE_ERROR: .*style\.css/)]);
    expect(s3.requests.filter((request) => request.path === '/kho/tin/style.css')).toHaveLength(5);
    expect((await readBucket(s3, 'kho', 'tin/')).has('.toa-soan/manifest.json.gz')).toBe(false);
    s3.fault = undefined;
    expect((await publish(args(site))).code).toBe(0);
    expect(siteKeys(await readBucket(s3, 'kho', 'tin/'))).toEqual(Object.keys(SITE).sort());
  });

  it('touches nothing outside its prefix, not even a neighbour whose name starts the same', async () => {
    const site = await writeSite(SITE);
    await putObject(s3, 'kho', 'tin/cu.html', 'cũ');
    await putObject(s3, 'kho', 'tin2/index.html', 'trang khác');
    await putObject(s3, 'kho', 'tinh.html', 'tệp khác');
    await putObject(s3, 'kho', 'anh/logo.png', 'logo');
    expect((await publish(args(site))).code).toBe(0);
    const all = await readBucket(s3, 'kho');
    expect([...all.keys()].filter((key) => !key.startsWith('tin/')).sort()).toEqual(['anh/logo.png', 'tin2/index.html', 'tinh.html']);
    expect(all.has('tin/cu.html')).toBe(false);
    expect(siteKeys(await readBucket(s3, 'kho', 'tin/'))).toEqual(Object.keys(SITE).sort());
  });

  it('reads a bucket of more than a thousand objects page by page', async () => {
    const files: Record<string, string | Buffer> = { ...SITE };
    for (let i = 0; i < 1100; i++) files[`pagefind/2016/fragment/vi_${String(i).padStart(7, '0')}.pf_fragment`] = String(i);
    const site = await writeSite(files);
    expect((await publish(args(site))).code).toBe(0);
    s3.requests.length = 0;
    const again = await publish(args(site));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/tải lên 0 tệp .* 1111 tệp không đổi/);
    expect(s3.requests.filter((request) => request.query.includes('list-type=2')).length).toBeGreaterThan(1);
    expect(writes()).toEqual([]);
  });

  it('fixes the headers of an object another tool stored with the same bytes', async () => {
    const site = await writeSite(SITE);
    await putObject(s3, 'kho', 'tin/style.css', SITE['style.css'], 'text/css');
    expect((await publish(args(site))).code).toBe(0);
    expect((await readBucket(s3, 'kho', 'tin/')).get('style.css')).toMatchObject({ contentType: 'text/css; charset=utf-8', cacheControl: SHORT_LIVED });
  });
});

describe('toa-soan publish: what it refuses, in one line', () => {
  const oneLine = (stderr: string) => stderr.trim().split('\n');

  it('a bad --to or --endpoint, or none, is a usage error: exit 2 with the usage', async () => {
    for (const bad of [['--to', 'kho/tin'], ['--to', 's3://Kho'], ['--to', 's3://kho', '--endpoint', 'ftp://x'], []]) {
      const run = await publish(bad);
      expect(run.code, bad.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^toa-soan publish: .*\nCách dùng \(usage\): toa-soan publish --to/);
    }
  });

  it('missing credentials, a folder that is no built site, an unreachable store, denied keys, no such bucket: exit 1', async () => {
    const site = await writeSite(SITE);
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [args(site), publishEnv({ AWS_ACCESS_KEY_ID: '' }), 'NO_CREDENTIALS'],
      [['--output', site, '--to', 's3://kho'], publishEnv(), 'NO_REGION'],
      [args(join(site, 'img')), publishEnv(), 'NO_SITE'],
      [['--output', site, '--to', 's3://kho', '--endpoint', 'http://127.0.0.1:9'], publishEnv(), 'NO_CONNECTION'],
      [args(site), publishEnv({ AWS_ACCESS_KEY_ID: 'SAI' }), 'ACCESS_DENIED'],
      [['--output', site, '--to', 's3://khong-co', '--endpoint', s3.endpoint], publishEnv(), 'NO_BUCKET'],
    ];
    for (const [given, env, code] of cases) {
      const run = await publish(given, env);
      expect(run.code, code).toBe(1);
      expect(oneLine(run.stderr), code).toEqual([expect.stringMatching(new RegExp(`^toa-soan publish: ${code}: \\S`))]);
    }
  });

  it('--help says how to give the bucket, the endpoint and the keys', async () => {
    const run = await publish(['--help']);
    expect(run.code).toBe(0);
    for (const word of ['--to', '--endpoint', '--dry-run', '--output', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'SIGTERM']) expect(run.stdout).toContain(word);
  });
});
