/**
 * For the publish tests: a synthetic built site, the real CLI run as a child process against a
 * local S3 server (bench/local-s3.ts), and the bucket read back through the SDK.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, type LocalS3 } from '../../bench/local-s3.ts';

const ROOT = join(import.meta.dirname, '../..');
// The SDK's notice that later versions want Node 22 says nothing about these tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The environment of a publish: s3rver's keys, and none of the caller's AWS settings. */
export function publishEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  return { ...env, ...LOCAL_CREDENTIALS, ...extra };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx src/cli.ts publish …`, as `npm run` would start it: one process, so a signal reaches it. */
export function startPublish(args: string[], env = publishEnv()): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'publish', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export function publish(args: string[], env = publishEnv()): Promise<Run> {
  return startPublish(args, env).done;
}

/** A site folder holding `files` (key → content). */
export async function writeSite(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'toa-soan-publish-'));
  for (const [key, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, key)), { recursive: true });
    await writeFile(join(dir, key), content);
  }
  return dir;
}

export interface StoredFile {
  body: Buffer;
  contentType: string | undefined;
  cacheControl: string | undefined;
}

export function clientOf(s3: LocalS3): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
  });
}

/** Every object of the bucket below `prefix` (keys relative to it), with its bytes and headers. */
export async function readBucket(s3: LocalS3, bucket: string, prefix = ''): Promise<Map<string, StoredFile>> {
  const client = clientOf(s3);
  const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  const objects = new Map<string, StoredFile>();
  for (const { Key } of listed.Contents ?? []) {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
    objects.set(Key!.slice(prefix.length), { body: Buffer.from(await object.Body!.transformToByteArray()), contentType: object.ContentType, cacheControl: object.CacheControl });
  }
  client.destroy();
  return objects;
}

export async function putObject(s3: LocalS3, bucket: string, key: string, body: string, contentType = 'text/plain'): Promise<void> {
  const client = clientOf(s3);
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  client.destroy();
}

/** The keys of the site's own objects: the bucket's, less the manifest. */
export const siteKeys = (objects: Map<string, StoredFile>) => [...objects.keys()].filter((key) => !key.startsWith('.toa-soan/')).sort();

/** Resolves when `condition` holds, polling; fails after `timeoutMs` (generous: the machine may be busy). */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

