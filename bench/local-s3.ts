/**
 * A local S3 API for the publish tests and benchmark: s3rver (an S3 server in Node that keeps
 * objects in a folder, run by local-s3-server.ts) behind a thin HTTP front on 127.0.0.1 and a free
 * port, which counts every request and can hold requests a while or answer some with a 5xx. The
 * front reads each request whole before passing it on, and drops one whose client is gone by then:
 * like S3, the store never keeps an upload that was cut off. Requests pass with their headers
 * unchanged, Host included, so the client's signatures stay valid.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** s3rver's one account. */
export const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export interface SeenRequest {
  method: string;
  /** Decoded, without the query: `/bucket/key`. */
  path: string;
  query: string;
  /** Bytes of the request body. */
  bytes: number;
  status: number;
}

export interface LocalS3 {
  endpoint: string;
  /** Every request answered, in the order of the answers. */
  requests: SeenRequest[];
  /** Requests received and not yet answered by the store. */
  pending: number;
  /** Milliseconds to hold each request before passing it on. */
  delayMs: number;
  /** Called for each request: a status to answer with instead of passing it on, or undefined. */
  fault: ((request: IncomingMessage) => number | undefined) | undefined;
  close(): Promise<void>;
}

async function startStore(directory: string, buckets: readonly string[]) {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', join(import.meta.dirname, 'local-s3-server.ts'), directory, ...buckets], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for await (const line of createInterface({ input: child.stdout! })) {
    return { port: (JSON.parse(line) as { port: number }).port, stop: () => (child.stdin!.end(), exited) };
  }
  throw new Error('the local S3 server exited before listening');
}

const INJECTED = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>injected</Message></Error>';
const UNREACHABLE = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>ServiceUnavailable</Code><Message>the local store did not answer</Message></Error>';
/** Connections to the store tried for one request before the client is answered 503. */
const FORWARD_ATTEMPTS = 3;

export async function startLocalS3(buckets: readonly string[]): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'toa-soan-s3-'));
  const store = await startStore(directory, buckets);
  const agent = new Agent({ keepAlive: true });
  const front: LocalS3 = {
    endpoint: '',
    requests: [],
    pending: 0,
    delayMs: 0,
    fault: undefined,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      await store.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };

  /**
   * Passes the request to the store; resolves false when the store's connection failed before it
   * answered. A kept-alive socket the store closes just as it is reused fails so, on a busy machine
   * more often, and the client must not be left waiting for an answer that never comes.
   */
  const forwardOnce = (request: IncomingMessage, response: ServerResponse, body: Buffer, seen: SeenRequest) =>
    new Promise<boolean>((resolve) => {
      const upstream = forward({ host: '127.0.0.1', port: store.port, method: request.method, path: request.url, headers: request.headers, agent }, (reply) => {
        seen.status = reply.statusCode ?? 0;
        response.writeHead(seen.status, reply.headers);
        reply.pipe(response);
        reply.on('end', () => resolve(true));
        // Cut off half-way: the client sees its connection reset, as from a real store, and retries.
        reply.on('error', () => (response.destroy(), resolve(true)));
      });
      upstream.on('error', () => {
        if (seen.status === 0) return resolve(false);
        response.destroy();
        resolve(true);
      });
      upstream.end(body);
    });

  const answer = async (request: IncomingMessage, response: ServerResponse, body: Buffer, seen: SeenRequest) => {
    if (front.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, front.delayMs));
    if (request.socket.destroyed) return;
    const status = front.fault?.(request);
    if (status !== undefined) {
      response.writeHead(status, { 'content-type': 'application/xml' }).end(INJECTED);
      seen.status = status;
      return;
    }
    // The body is read whole, so the request can be sent again on a new connection.
    for (let attempt = 1; attempt <= FORWARD_ATTEMPTS; attempt++) {
      if (await forwardOnce(request, response, body, seen)) return;
      if (request.socket.destroyed) return;
    }
    response.writeHead(503, { 'content-type': 'application/xml' }).end(UNREACHABLE);
    seen.status = 503;
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const seen: SeenRequest = { method: request.method ?? '', path: decodeURIComponent(url.pathname), query: url.search, bytes: 0, status: 0 };
    front.pending++;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      seen.bytes = body.length;
      await answer(request, response, body, seen);
    } catch {
      // The client went away mid-request: nothing reaches the store.
    } finally {
      if (seen.status !== 0) front.requests.push(seen);
      front.pending--;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  front.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return front;
}
