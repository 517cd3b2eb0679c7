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

/** The thread's program: registers tsx, chooses, and sends back every story's choice in one flat list with where each starts (moved, not copied). */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
import(${JSON.stringify(TSX_API)})
  .then(({ register }) => { register(); return import(${JSON.stringify(RELATED)}); })
  .then(({ relatedStories }) => {
    const chosen = relatedStories(workerData);
    const starts = new Int32Array(chosen.length + 1);
    chosen.forEach((list, i) => (starts[i + 1] = starts[i] + list.length));
    const flat = new Int32Array(starts[chosen.length]);
    chosen.forEach((list, i) => flat.set(list, starts[i]));
    parentPort.postMessage({ starts, flat }, [starts.buffer, flat.buffer]);
  });
`;

/** What `relatedStories(stories)` returns, computed on another thread. */
export function relatedInThread(stories: readonly StoryTopics[]): Promise<number[][]> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(PROGRAM, { eval: true, workerData: stories });
    thread.once('message', ({ starts, flat }: { starts: Int32Array; flat: Int32Array }) => {
      resolve(Array.from({ length: starts.length - 1 }, (_, i) => Array.from(flat.subarray(starts[i], starts[i + 1]))));
    });
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`Luồng chọn bài liên quan dừng bất thường (mã ${code}).`)));
  });
}
