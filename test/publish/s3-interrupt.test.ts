import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../../bench/local-s3.ts';
import { publish, readBucket, siteKeys, startPublish, waitUntil, writeSite } from './s3-harness.ts';

/** Enough small files, each held by the store a while, that a run is still uploading when stopped. */
const FILES = 300;
const site = () => {
  const files: Record<string, string> = { 'index.html': '<!doctype html><title>Trang chủ</title>' };
  for (let i = 1; i < FILES; i++) files[`2016/06/bai-${String(i).padStart(3, '0')}/index.html`] = `<!doctype html><title>Bài ${i}</title>`;
  return writeSite(files);
};

let s3: LocalS3;
beforeEach(async () => {
  s3 = await startLocalS3(['kho']);
});
afterEach(async () => {
  await s3.close();
});

const args = (folder: string) => ['--output', folder, '--to', 's3://kho/tin', '--endpoint', s3.endpoint];
const answeredPuts = () => s3.requests.filter((request) => request.method === 'PUT' && request.status === 200).length;

describe('toa-soan publish, cut short', () => {
  it('killed with SIGKILL mid-upload, is finished by running it again, which uploads only the rest', async () => {
    const folder = await site();
    s3.delayMs = 100;
    const { child, done } = startPublish(args(folder));
    await waitUntil(() => answeredPuts() >= 40, '40 uploads');
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    // Requests already handed to the store when the process died are still stored: read the bucket after them.
    await waitUntil(() => s3.pending === 0, 'the requests of the killed run');
    const partial = await readBucket(s3, 'kho', 'tin/');
    const whole = siteKeys(partial).filter((key) => partial.get(key)!.body.equals(readFileSync(join(folder, key))));
    expect(whole.length).toBeGreaterThan(0);
    expect(partial.size).toBeLessThan(FILES);
    expect(partial.has('.toa-soan/manifest.json.gz')).toBe(false);

    s3.delayMs = 0;
    s3.requests.length = 0;
    const again = await publish(args(folder));
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const objects = await readBucket(s3, 'kho', 'tin/');
    expect(siteKeys(objects)).toHaveLength(FILES);
    expect(objects.has('.toa-soan/manifest.json.gz')).toBe(true);
    const sitePuts = s3.requests.filter((request) => request.method === 'PUT' && !request.path.includes('/.toa-soan/'));
    expect(sitePuts).toHaveLength(FILES - whole.length);
    expect(sitePuts.map((request) => request.path.replace('/kho/tin/', ''))).not.toContain(whole[0]);
  });

  for (const [signal, status] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal}: lets the requests under way finish, starts no more, says so in one line and exits ${status}`, async () => {
      const folder = await site();
      s3.delayMs = 100;
      const { child, done } = startPublish(args(folder));
      await waitUntil(() => answeredPuts() >= 20, '20 uploads');
      child.kill(signal);
      const stopped = await done;
      expect(stopped.code).toBe(status);
      expect(stopped.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Đã dừng xuất bản \\(${signal}\\) sau \\d+/${FILES} tệp tải lên; .*chạy lại lệnh`))]);
      const uploaded = Number(/sau (\d+)\//.exec(stopped.stderr)![1]);
      // Every request it started was answered before it exited, and it wrote no manifest.
      expect(answeredPuts()).toBe(uploaded);
      expect(uploaded).toBeLessThan(FILES);
      const objects = await readBucket(s3, 'kho', 'tin/');
      expect(siteKeys(objects)).toHaveLength(uploaded);
      expect(objects.has('.toa-soan/manifest.json.gz')).toBe(false);

      s3.delayMs = 0;
      const again = await publish(args(folder));
      expect(again.code).toBe(0);
      expect(siteKeys(await readBucket(s3, 'kho', 'tin/'))).toHaveLength(FILES);
    });
  }
});
