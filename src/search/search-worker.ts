/**
 * Builds one Pagefind index of a site in a process of its own. Pagefind's Node API runs one
 * indexing backend per process, and a backend keeps about one core busy, so `writeSearchIndex`
 * builds a big archive's indexes side by side in several of these. Started with an IPC channel;
 * its one message is a `SearchBundleJob`; it exits 0 once the index is written, or sends the
 * error's message and exits 1.
 *
 * When the backend itself dies (it panics on some I/O errors, such as a file where its output
 * folder should be), Pagefind's API never answers; nothing then keeps this process alive, so it
 * ends with Node's exit code 13 (unsettled top-level await) and the backend's own message on
 * stderr, which the build reports. That is why nothing here keeps the IPC channel referenced once
 * the job has come.
 *
 * Pagefind's backend is a process of its own: when the build stops this worker (SIGTERM) or is
 * gone (the channel closes, even after `kill -9`), the backend is ended first, so none is left
 * writing into a folder its build removes.
 */
import * as pagefind from 'pagefind';
import { writeBundle, type SearchBundleJob } from './search-index.ts';
import type { WorkerError } from '../workers/worker-process.ts';

const job = await new Promise<SearchBundleJob>((resolve) => process.once('message', (message) => resolve(message as SearchBundleJob)));
const abandon = () => {
  // close() kills the backend before its promise is made; the exit cannot wait for it anyway.
  void pagefind.close();
  process.exit(1);
};
process.once('SIGTERM', abandon);
process.once('disconnect', abandon);
// A 'disconnect' listener would keep the channel, and so this process, alive after a backend died.
process.channel?.unref();
try {
  await writeBundle(job);
} catch (error) {
  const report: WorkerError = { kind: 'error', message: (error as Error).message };
  process.send?.(report);
  process.exitCode = 1;
}
process.off('disconnect', abandon);
process.disconnect?.();
