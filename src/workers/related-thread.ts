import { Worker } from 'node:worker_threads';
import type { StoryTopics } from '../corpus/related.ts';

/**
 * `relatedStories` on a thread of its own. Choosing related stories is a pass over the whole
 * archive (2 s at 100,000 stories) that only article pages wait for: on its own thread it runs
 * while the build plans every other page, on the second core. A thread, not a worker process:
 * the stories go to it and the choice comes back as structured clones, with no JSON between.
 */

/** tsx's loader and the module the thread runs, found from this file: a thread does not inherit the loader the build was started with. */
const TSX_API = import.meta.resolve('tsx/esm/api');
const RELATED = new URL('../corpus/related.ts', import.meta.url).href;

/**
 * The thread's program: registers tsx and imports the chooser at once, then waits for the stories
 * and sends back every story's choice in one flat list with where each starts (moved, not copied).
 */
const PROGRAM = `
const { parentPort } = require('node:worker_threads');
const chooser = import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(RELATED)}); });
parentPort.once('message', async (stories) => {
  const chosen = (await chooser).relatedStories(stories);
  const starts = new Int32Array(chosen.length + 1);
  chosen.forEach((list, i) => (starts[i + 1] = starts[i] + list.length));
  const flat = new Int32Array(starts[chosen.length]);
  chosen.forEach((list, i) => flat.set(list, starts[i]));
  parentPort.postMessage({ starts, flat }, [starts.buffer, flat.buffer]);
});
`;

/** A thread ready to choose related stories once. */
export interface RelatedThread {
  /** What `relatedStories(stories)` returns. */
  choose(stories: readonly StoryTopics[]): Promise<number[][]>;
  /** Ends the thread, chosen or not. */
  end(): Promise<void>;
}

/** Starts the thread now, so that its start (tsx and the chooser's imports, about 0.2 s) overlaps the build's reading of the archive. */
export function startRelatedThread(): RelatedThread {
  const thread = new Worker(PROGRAM, { eval: true });
  // A build that never asks must not be kept alive by it.
  thread.unref();
  const failed = new Promise<never>((_, reject) => {
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`Luồng chọn bài liên quan dừng bất thường (mã ${code}).`)));
  });
  failed.catch(() => {});
  return {
    choose(stories) {
      // While the build waits for the answer, the thread is what keeps it alive.
      thread.ref();
      const answer = new Promise<number[][]>((resolve) => {
        thread.once('message', ({ starts, flat }: { starts: Int32Array; flat: Int32Array }) => {
          thread.unref();
          resolve(Array.from({ length: starts.length - 1 }, (_, i) => Array.from(flat.subarray(starts[i], starts[i + 1]))));
        });
      });
      thread.postMessage(stories);
      return Promise.race([answer, failed]);
    },
    async end() {
      await thread.terminate();
    },
  };
}

