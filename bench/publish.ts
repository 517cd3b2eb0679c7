/**
 * Publishing one new story: N generated articles are built (the real CLI, search index included)
 * and published to a local S3 server (local-s3.ts), then one story newer than all of them is added,
 * the site built again and published again. The report puts the objects the second publish
 * uploaded beside the files whose bytes the build changed: the first must not exceed the second.
 * Uploads are counted at the server and deletions from listings before and after, not taken from
 * the command's own report.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { S3Client, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { REPO, prepare } from './build.ts';
import { generateArticle } from './corpus.ts';
import { LOCAL_CREDENTIALS, startLocalS3, type LocalS3, type SeenRequest } from './local-s3.ts';
import { describeCommand, measureCommand, type CommandSpec } from './measure.ts';

export interface PublishBenchOptions {
  articles: number;
  seed: number;
  log: (line: string) => void;
}

export interface PublishRun {
  label: string;
  seconds: number;
  uploaded: number;
  uploadedBytes: number;
  deleted: number;
  /** Requests by kind (list, get, head, put, delete), the manifest's included. */
  requests: Record<string, number>;
}

export interface PublishBenchResult {
  articles: number;
  siteFiles: number;
  siteBytes: number;
  /** Between the two builds: files new, with other bytes, and gone. */
  changed: { added: number; modified: number; removed: number };
  runs: PublishRun[];
  manifestBytes: number;
  commands: string[];
}

const BUCKET = 'bench';
const MANIFEST_PATH = `/${BUCKET}/.toa-soan/manifest.json.gz`;
const MB = 1_000_000;

/** The story added: a generated article dated after every one of the corpus (which ends in 2024). */
function newStory(articles: number, seed: number): { section: string; fileName: string; text: string } {
  const article = generateArticle(articles, seed);
  return { ...article, text: article.text.replace(/Cập nhật lúc: [^\r\n]*/, 'Cập nhật lúc: 08:00, 01/01/2025 [GMT+7]') };
}

/** Key → MD5 of every file of a built site. */
async function siteHashes(dir: string): Promise<Map<string, { md5: string; size: number }>> {
  const hashes = new Map<string, { md5: string; size: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = await readFile(join(entry.parentPath, entry.name));
    hashes.set(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'), { md5: createHash('md5').update(bytes).digest('hex'), size: bytes.length });
  }
  return hashes;
}

async function bucketKeys(s3: LocalS3): Promise<Set<string>> {
  const client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
  });
  const keys = new Set<string>();
  for await (const page of paginateListObjectsV2({ client }, { Bucket: BUCKET })) for (const object of page.Contents ?? []) keys.add(object.Key!);
  client.destroy();
  return keys;
}

function kindOf(request: SeenRequest): string {
  if (request.method === 'GET') return request.query.includes('list-type') ? 'list' : 'get';
  if (request.method === 'POST' && request.query.includes('delete')) return 'delete';
  return request.method.toLowerCase();
}

async function measurePublish(label: string, spec: CommandSpec, s3: LocalS3, log: (line: string) => void): Promise<PublishRun> {
  const before = await bucketKeys(s3);
  s3.requests.length = 0;
  log(`publish: ${label} …`);
  const { seconds } = await measureCommand(spec);
  const seen = [...s3.requests];
  const after = await bucketKeys(s3);
  const uploads = seen.filter((request) => request.method === 'PUT' && request.status === 200 && request.path !== MANIFEST_PATH);
  const requests: Record<string, number> = {};
  for (const request of seen) requests[kindOf(request)] = (requests[kindOf(request)] ?? 0) + 1;
  const run = {
    label,
    seconds,
    uploaded: uploads.length,
    uploadedBytes: uploads.reduce((sum, request) => sum + request.bytes, 0),
    deleted: [...before].filter((key) => !after.has(key)).length,
    requests,
  };
  log(`publish: ${label}: ${seconds.toFixed(2)} s, ${run.uploaded} uploaded, ${run.deleted} deleted`);
  return run;
}

export async function runPublishBench(options: PublishBenchOptions): Promise<PublishBenchResult> {
  const { dir } = await prepare(options);
  // The new story goes into a copy: the generated corpus stays as generated for the other benchmarks.
  const content = join(dir, 'publish-content');
  const output = join(dir, 'publish-site');
  await rm(content, { recursive: true, force: true });
  await cp(join(dir, 'content'), content, { recursive: true });
  const build: CommandSpec = { command: 'npx', args: ['tsx', 'src/cli.ts', 'build', '--content', content, '--output', output, '--quiet'], cwd: REPO };
  const s3 = await startLocalS3([BUCKET]);
  const publish: CommandSpec = {
    command: 'npx',
    args: ['tsx', 'src/cli.ts', 'publish', '--output', output, '--to', `s3://${BUCKET}`, '--endpoint', s3.endpoint, '--quiet'],
    cwd: REPO,
    env: { ...LOCAL_CREDENTIALS, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  };
  try {
    options.log(`publish: building ${options.articles} articles into ${output}`);
    await measureCommand(build);
    const first = await measurePublish('first publish, empty bucket', publish, s3, options.log);
    const unchanged = await measurePublish('publish again, nothing changed', publish, s3, options.log);
    const before = await siteHashes(output);

    const story = newStory(options.articles, options.seed);
    await mkdir(join(content, story.section), { recursive: true });
    await writeFile(join(content, story.section, story.fileName), story.text);
    options.log(`publish: added ${story.section}/${story.fileName}, building again`);
    await measureCommand(build);
    const after = await siteHashes(output);
    const changed = {
      added: [...after.keys()].filter((key) => !before.has(key)).length,
      modified: [...after].filter(([key, file]) => before.has(key) && before.get(key)!.md5 !== file.md5).length,
      removed: [...before.keys()].filter((key) => !after.has(key)).length,
    };
    const story1 = await measurePublish('publish after one new story', publish, s3, options.log);
    const manifest = s3.requests.find((request) => request.method === 'PUT' && request.path === MANIFEST_PATH);
    return {
      articles: options.articles,
      siteFiles: after.size,
      siteBytes: [...after.values()].reduce((sum, file) => sum + file.size, 0),
      changed,
      runs: [first, unchanged, story1],
      manifestBytes: manifest?.bytes ?? 0,
      commands: [describeCommand(build), describeCommand({ ...publish, args: publish.args.map((arg) => (arg === s3.endpoint ? 'http://127.0.0.1:PORT' : arg)) })],
    };
  } finally {
    await s3.close();
  }
}

export function formatPublishReport(bench: PublishBenchResult): string {
  const { added, modified, removed } = bench.changed;
  const requests = (run: PublishRun) =>
    Object.entries(run.requests)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ');
  const story = bench.runs.at(-1)!;
  return [
    `Publish benchmark: ${bench.articles} articles built with search, ${bench.siteFiles} files (${(bench.siteBytes / MB).toFixed(1)} MB), to a local S3 server (s3rver on 127.0.0.1):`,
    '',
    '| what | seconds | objects uploaded | MB uploaded | objects deleted | requests |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...bench.runs.map((run) => `| ${run.label} | ${run.seconds.toFixed(2)} | ${run.uploaded} | ${(run.uploadedBytes / MB).toFixed(2)} | ${run.deleted} | ${requests(run)} |`),
    '',
    `files whose bytes the new story changed between the two builds: ${added + modified + removed} (${added} new, ${modified} changed, ${removed} gone)`,
    `objects the publish after it uploaded: ${story.uploaded}, deleted: ${story.deleted} (must be at most ${added + modified} and ${removed})`,
    `manifest written last: ${(bench.manifestBytes / 1000).toFixed(1)} kB`,
    ...(story.uploaded > added + modified || story.deleted > removed ? ['WARNING: publish moved more objects than the build changed files.'] : []),
    '',
    'Commands:',
    ...bench.commands.map((command) => `  ${command}`),
  ].join('\n');
}
