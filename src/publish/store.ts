/**
 * The bucket, through `@aws-sdk/client-s3`: the only module of publish that talks to the network.
 * Keys in and out are relative to the target's prefix; the prefix is added and removed here, so
 * nothing outside it can be listed, written or deleted. The SDK's standard retry strategy retries
 * 5xx answers, throttling, resets and time-outs with exponential backoff and jitter.
 */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { publishErrorOf } from './errors.ts';
import type { StoredObject } from './plan.ts';
import type { Target } from './target.ts';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface StoreOptions {
  target: Target;
  /** A MinIO, R2 or local server: addressed path-style (`ENDPOINT/BUCKET/KEY`). */
  endpoint?: string;
  region: string;
  credentials: Credentials;
  /** Requests at once; the connection pool is sized to it. */
  concurrency: number;
}

export interface ObjectHeaders {
  contentType: string | undefined;
  cacheControl: string | undefined;
}

/** Attempts per request, the first included: a store that fails five times running is down. */
const MAX_ATTEMPTS = 5;
/** Per SDK request; a time-out is retried like a 5xx. */
const CONNECTION_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 120_000;
/** DeleteObjects takes at most this many keys. */
const DELETE_BATCH = 1000;

const unquote = (etag: string | undefined) => (etag ?? '').replace(/^"|"$/g, '');

export class Bucket {
  readonly #client: S3Client;
  readonly #options: StoreOptions;

  constructor(options: StoreOptions) {
    this.#options = options;
    const agent = { keepAlive: true, maxSockets: options.concurrency };
    this.#client = new S3Client({
      region: options.region,
      credentials: options.credentials,
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      maxAttempts: MAX_ATTEMPTS,
      requestHandler: {
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
        httpAgent: agent,
        httpsAgent: agent,
      },
    });
  }

  #key(key: string): string {
    return this.#options.target.prefix + key;
  }

  async #send<T>(action: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw publishErrorOf(error, action, this.#options.target, this.#options.endpoint);
    }
  }

  /** Every object below the prefix, keys relative to it. */
  async list(): Promise<StoredObject[]> {
    const { bucket, prefix } = this.#options.target;
    return this.#send('liệt kê kho', async () => {
      const objects: StoredObject[] = [];
      for await (const page of paginateListObjectsV2({ client: this.#client }, { Bucket: bucket, Prefix: prefix })) {
        for (const object of page.Contents ?? []) {
          if (!object.Key?.startsWith(prefix)) continue;
          objects.push({ key: object.Key.slice(prefix.length), size: object.Size ?? 0, etag: unquote(object.ETag) });
        }
      }
      return objects;
    });
  }

  /** The object's bytes, or null when there is none. */
  async read(key: string): Promise<Buffer | null> {
    return this.#send(`đọc ${key}`, async () => {
      try {
        const answer = await this.#client.send(new GetObjectCommand({ Bucket: this.#options.target.bucket, Key: this.#key(key) }));
        return Buffer.from(await answer.Body!.transformToByteArray());
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    });
  }

  async headers(key: string): Promise<ObjectHeaders | null> {
    return this.#send(`xem ${key}`, async () => {
      try {
        const answer = await this.#client.send(new HeadObjectCommand({ Bucket: this.#options.target.bucket, Key: this.#key(key) }));
        return { contentType: answer.ContentType, cacheControl: answer.CacheControl };
      } catch (error) {
        if ((error as { name?: string }).name === 'NotFound') return null;
        throw error;
      }
    });
  }

  /** Stores `body` in one part, so that its ETag is its MD5 (without KMS); returns the ETag. */
  async write(key: string, body: Buffer, headers: { contentType: string; cacheControl: string }): Promise<string> {
    return this.#send(`tải lên ${key}`, async () => {
      const answer = await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#options.target.bucket,
          Key: this.#key(key),
          Body: body,
          ContentLength: body.length,
          ContentType: headers.contentType,
          CacheControl: headers.cacheControl,
        }),
      );
      return unquote(answer.ETag);
    });
  }

  /** Deletes `keys`, a thousand per request; any key the store refuses fails the whole call. */
  async delete(keys: readonly string[], onDeleted: (count: number) => void): Promise<void> {
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      await this.#send('xoá tệp cũ', async () => {
        const answer = await this.#client.send(
          new DeleteObjectsCommand({
            Bucket: this.#options.target.bucket,
            Delete: { Objects: batch.map((key) => ({ Key: this.#key(key) })), Quiet: true },
          }),
        );
        const refused = answer.Errors?.[0];
        if (refused) throw Object.assign(new Error(`${refused.Key}: ${refused.Message ?? ''}`), { name: refused.Code });
      });
      onDeleted(batch.length);
    }
  }

  close(): void {
    this.#client.destroy();
  }
}
