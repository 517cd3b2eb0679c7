/**
 * The publish stage: makes a bucket of S3-compatible storage (AWS S3, Cloudflare R2, MinIO,
 * DigitalOcean Spaces) hold exactly the built site, moving only what changed, and keeping every
 * photo object ever published (`img/`, see plan.ts). It reads the output
 * folder (local-files.ts), lists the bucket below the target's prefix and reads the last manifest
 * (store.ts, manifest.ts), decides what to upload, check and delete (plan.ts), then uploads in an
 * order that never shows a reader a broken link, deletes what the site no longer has, and writes
 * the manifest last. Headers come from headers.ts.
 *
 * Every step can be cut short: a stop (SIGINT, SIGTERM) lets the requests under way finish and
 * starts no more; a kill leaves objects that are each whole (S3 writes an object at once or not at
 * all). Either way the next run lists the bucket again and finishes the job.
 */
import type { Progress } from '../build/progress.ts';
import { mapConcurrently } from '../concurrency.ts';
import { cacheControl, contentType, extensionOf, HEADER_RULES } from './headers.ts';
import { readSiteFile, readSiteFiles } from './local-files.ts';
import { decodeManifest, encodeManifest, MANIFEST_KEY, type Manifest } from './manifest.ts';
import { planPublish, uploadBatches, type LocalFile, type Upload, type UploadReason } from './plan.ts';
import { Bucket, type Credentials } from './store.ts';
import { describeTarget, type Target } from './target.ts';

/** Requests at once: enough to hide the latency of a distant store, few enough not to be throttled. */
export const PUBLISH_CONCURRENCY = 16;

export interface PublishOptions {
  outputDir: string;
  target: Target;
  endpoint?: string;
  region: string;
  credentials: Credentials;
  /** List what would be uploaded and deleted on `out`, and write nothing. */
  dryRun: boolean;
  progress: Progress;
  out: NodeJS.WritableStream;
  /** Aborted by a stop: no request starts after it. */
  stop: AbortSignal;
}

export interface PublishReport {
  uploaded: number;
  uploadedBytes: number;
  deleted: number;
  unchanged: number;
  /** Uploads the run was to make, and deletions; on a stop, more than were made. */
  plannedUploads: number;
  plannedDeletions: number;
  /** Set when a stop cut the run short. */
  stopped: boolean;
}

const REASONS: Record<UploadReason, string> = { new: 'mới', changed: 'đổi', headers: 'đổi tiêu đề HTTP' };
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Publishes `outputDir` to the target; throws a PublishError for anything the newsroom must fix. */
export async function publishSite(options: PublishOptions): Promise<PublishReport> {
  const { progress, stop } = options;
  progress.phase('Đọc trang đã dựng');
  const files = await readSiteFiles(options.outputDir, (done, total) => progress.step(done, total));
  progress.interrupt();
  const byKey = new Map(files.map((file) => [file.key, file]));

  const bucket = new Bucket({ ...options, concurrency: PUBLISH_CONCURRENCY });
  try {
    progress.phase(`Liệt kê ${describeTarget(options.target)}`);
    const [stored, manifestBytes] = await Promise.all([bucket.list(), bucket.read(MANIFEST_KEY)]);
    const manifest = manifestBytes && decodeManifest(manifestBytes);
    const plan = planPublish(files, stored, manifest);
    progress.interrupt();
    progress.line(`${files.length} tệp trong ${options.outputDir}, ${stored.filter((object) => object.key !== MANIFEST_KEY).length} trong kho.`);

    if (plan.unverified.length > 0) progress.phase('Xem tiêu đề HTTP các tệp chưa rõ');
    const checked = await mapConcurrently(
      plan.unverified,
      PUBLISH_CONCURRENCY,
      async (key) => (stop.aborted ? null : { key, stored: await bucket.headers(key) }),
      (done, total) => progress.step(done, total),
    );
    progress.interrupt();
    const uploads: Upload[] = [...plan.uploads];
    const unchanged = new Set(plan.unchanged);
    for (const answer of checked) {
      if (!answer) continue;
      const fits = answer.stored?.contentType === contentType(answer.key) && answer.stored?.cacheControl === cacheControl(answer.key);
      if (fits) unchanged.add(answer.key);
      else uploads.push({ key: answer.key, reason: 'headers' });
    }
    const batches = uploadBatches(uploads);
    const reasonOf = new Map(uploads.map((upload) => [upload.key, upload.reason]));
    const report: PublishReport = {
      uploaded: 0,
      uploadedBytes: 0,
      deleted: 0,
      unchanged: unchanged.size,
      plannedUploads: uploads.length,
      plannedDeletions: plan.deletions.length,
      stopped: stop.aborted,
    };
    if (report.stopped) return report;

    if (options.dryRun) {
      for (const key of batches.flat()) options.out.write(`tải lên (${REASONS[reasonOf.get(key)!]}): ${key}\n`);
      for (const key of plan.deletions) options.out.write(`xoá: ${key}\n`);
      const bytes = uploads.reduce((sum, upload) => sum + byKey.get(upload.key)!.size, 0);
      progress.line(
        `Chạy thử (--dry-run): sẽ tải lên ${uploads.length} tệp (${megabytes(bytes)}), xoá ${plan.deletions.length} tệp; ` +
          `${unchanged.size} tệp không đổi. Không ghi gì vào kho.`,
      );
      return report;
    }

    const etags = new Map<string, string>();
    // After a failed upload no other starts; the error is thrown once the requests under way are done.
    let failure: { error: unknown } | undefined;
    progress.phase('Tải lên');
    for (const batch of batches) {
      await mapConcurrently(batch, PUBLISH_CONCURRENCY, async (key) => {
        if (stop.aborted || failure) return;
        try {
          const body = await readSiteFile(options.outputDir, key);
          etags.set(key, await bucket.write(key, body, { contentType: contentType(key), cacheControl: cacheControl(key) }));
          report.uploaded++;
          report.uploadedBytes += body.length;
          progress.step(report.uploaded, uploads.length);
        } catch (error) {
          failure ??= { error };
        }
      });
      if (failure) throw failure.error;
      if (stop.aborted) break;
    }
    progress.interrupt();
    if (stop.aborted) return { ...report, stopped: true };

    if (plan.deletions.length > 0) {
      progress.phase('Xoá tệp cũ');
      await bucket.delete(plan.deletions, (count) => {
        report.deleted += count;
        progress.step(report.deleted, plan.deletions.length);
      });
      progress.interrupt();
    }
    const written = encodeManifest(nextManifest(files, etags, manifest));
    // A publish that changed nothing writes nothing.
    if (!manifestBytes?.equals(written)) await bucket.write(MANIFEST_KEY, written, { contentType: 'application/gzip', cacheControl: 'no-store' });
    return report;
  } finally {
    bucket.close();
  }
}

/**
 * The manifest after a whole run: every file is in the bucket with today's headers. An upload's
 * ETag that is not its MD5 is kept with the MD5; so is an older record for an object left alone.
 */
export function nextManifest(files: readonly LocalFile[], uploadedEtags: ReadonlyMap<string, string>, previous: Manifest | null): Manifest {
  const manifest: Manifest = { rules: HEADER_RULES, types: {}, keys: new Set(), odd: new Map() };
  for (const file of files) {
    manifest.keys.add(file.key);
    manifest.types[extensionOf(file.key)] = contentType(file.key);
    const etag = uploadedEtags.get(file.key);
    if (etag !== undefined) {
      if (etag !== file.md5) manifest.odd.set(file.key, { etag, md5: file.md5 });
    } else {
      const kept = previous?.odd.get(file.key);
      if (kept?.md5 === file.md5) manifest.odd.set(file.key, kept);
    }
  }
  return manifest;
}
