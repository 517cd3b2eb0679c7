/**
 * A local S3 API for the publish tests and benchmark: s3rver (an S3 server in Node that keeps
 * objects in a folder) behind a thin HTTP front on 127.0.0.1 and a free port, which counts every
 * request and can slow requests down or answer some with a 5xx first. Like S3, it stores nothing
 * for a request whose client is gone before the request is handled. The front passes requests
 * through unchanged, Host header included, so the client's signatures stay valid.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** s3rver's one account. */
export const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export interface SeenRequest {
  method: string;
  /** Decoded, without the query: `/bucket/key`. */
  path: string;
  query: string;
  /** Content-Length of the request body. */
  bytes: number;
  status: number;
}

export interface LocalS3 {
  endpoint: string;
  /** Every request answered, in the order of the answers. */
  requests: SeenRequest[];
  /** Requests received and not yet fully handled: a client that died may leave some. */
  pending: number;
  /** Milliseconds to hold each request before answering it. */
  delayMs: number;
  /** Called for each request: a status to answer with instead of passing it on, or undefined. */
  fault: ((request: IncomingMessage) => number | undefined) | undefined;
  close(): Promise<void>;
}

export async function startLocalS3(buckets: readonly string[]): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'toa-soan-s3-'));
  const s3rver = new S3rver({ silent: true, directory, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const front: LocalS3 = {
    endpoint: '',
    requests: [],
    pending: 0,
    delayMs: 0,
    fault: undefined,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const seen: SeenRequest = {
      method: request.method ?? '',
      path: decodeURIComponent(url.pathname),
      query: url.search,
      bytes: Number(request.headers['content-length'] ?? 0),
      status: 0,
    };
    response.on('finish', () => {
      seen.status = response.statusCode;
      front.requests.push(seen);
    });
    front.pending++;
    let settled = false;
    const settle = () => {
      if (!settled) front.pending--;
      settled = true;
    };
    // s3rver never finishes a request whose client vanished mid-way: such a request is over when its connection is.
    response.on('close', settle);
    const answer = async () => {
      const status = front.fault?.(request);
      if (request.socket.destroyed) {
        // The client died while the request was held: S3 stores no upload it did not answer.
      } else if (status === undefined) {
        // Koa's handler settles once s3rver has stored the object, even for a client gone meanwhile.
        await (handle(request, response) as unknown as Promise<void>).catch(() => {});
      } else {
        request.resume();
        response.writeHead(status, { 'content-type': 'application/xml' });
        response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>injected</Message></Error>`);
      }
      settle();
    };
    if (front.delayMs > 0) setTimeout(answer, front.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  front.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return front;
}
