/**
 * Where a site is published: `s3://BUCKET[/PREFIX]` read into a bucket and a key prefix. The prefix
 * always ends in `/` (or is empty), so `s3://kho/tin` owns `tin/…` and never `tin2/…`: publish lists,
 * writes and deletes only below it.
 */

export interface Target {
  bucket: string;
  /** `''` for the whole bucket, else `tin/` or `bao/tin/`. */
  prefix: string;
}

/** S3's rule for bucket names (3–63 lower-case letters, digits, dots and hyphens; a letter or digit at each end). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The target named by `--to`, or the Vietnamese reason it is not one. */
export function parseTarget(text: string): Target | { error: string } {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(text);
  if (!match) return { error: `--to phải có dạng s3://KHO hay s3://KHO/THƯ_MỤC, không phải "${text}" (bad target)` };
  const bucket = match[1]!;
  if (!BUCKET_NAME.test(bucket)) {
    return { error: `tên kho "${bucket}" không hợp lệ: 3–63 chữ thường, số, dấu chấm, gạch nối (bad bucket name)` };
  }
  const parts = (match[2] ?? '').split('/').filter((part) => part !== '');
  if (parts.some((part) => part === '.' || part === '..')) {
    return { error: `thư mục trong kho "${match[2]}" không được có "." hay ".." (bad prefix)` };
  }
  return { bucket, prefix: parts.map((part) => `${part}/`).join('') };
}

/** `s3://kho/tin/`: the target as people write it, for messages. */
export function describeTarget(target: Target): string {
  return `s3://${target.bucket}/${target.prefix}`;
}
