import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** The bench as `npm run bench` runs it; its report ends with one JSON line. */
async function bench(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(TSX, [join(ROOT, 'bench/run.ts'), ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

describe('npm run bench -- --only incremental', () => {
  it('builds four edits into a kept folder and reports what each rewrote, beside a full build', async () => {
    const report = await bench('--only', 'incremental', '--articles', '30', '--runs', '1');
    expect(report).toMatchObject({ bench: 'incremental', articles: 30, rounds: 1 });
    const steps = report.steps as Record<string, unknown>[];
    expect(steps.map((step) => step.step)).toEqual(['new story, text only', 'new story', 'title fixed', 'back-dated story']);
    for (const step of steps) {
      expect(step.seconds).toBeGreaterThan(0);
      expect(step.fullSeconds).toBeGreaterThan(0);
      expect(step.peakRssBytes).toBeGreaterThan(0);
      // Each edit adds or moves a story: at least its page is new.
      expect(step.added).toBeGreaterThan(0);
      expect((step.rewritten as number) + (step.added as number)).toBeGreaterThan(0);
      expect(step.photosEncoded === null || typeof step.photosEncoded === 'number').toBe(true);
    }
    // A fixed title moves the story to a new address: its old page is gone.
    expect(steps[2]!.removed).toBeGreaterThan(0);
    // Only the second new story brings photo files: the first has none to encode.
    expect(steps[0]!.photosEncoded ?? 0).toBe(0);
    expect(steps[1]!.photosEncoded).toBe(3);
  }, 240_000);
});

describe('npm run bench -- --only query', () => {
  it('counts the requests and bytes of each reader query in Chromium', async () => {
    const report = await bench('--only', 'query', '--articles', '30');
    expect(report).toMatchObject({ bench: 'query', articles: 30 });
    const results = report.results as Record<string, unknown>[];
    expect(results.map((result) => result.query)).toEqual(['ly son', 'Dung Quất']);
    for (const result of results) {
      expect(result.status).toMatch(/Tìm thấy|Không tìm thấy/);
      expect(result.requests).toBeGreaterThan(0);
      expect(result.kilobytes).toBeGreaterThan(0);
      expect(result.indexes).toBeGreaterThan(0);
      expect(typeof result.ok).toBe('boolean');
    }
  }, 240_000);
});
