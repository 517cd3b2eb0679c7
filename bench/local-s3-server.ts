/**
 * s3rver in a process of its own, for local-s3.ts: `node --openssl-legacy-provider --import tsx
 * bench/local-s3-server.ts FOLDER BUCKET…`. s3rver makes ListObjectsV2 continuation tokens with DES,
 * which Node's OpenSSL 3 offers only with its legacy provider, a flag of the whole process. Prints
 * `{"port":N}` once listening on 127.0.0.1; exits when its standard input closes, so it never
 * outlives the process that started it.
 */
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name, configs: [] })),
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
