/**
 * The incremental build against the full one, model-based: random sequences of what a newsroom
 * does between two builds (a new story, a back-dated one, a title fixed, a story deleted or moved
 * to another section, a photo added or replaced, a story edited or saved unchanged, another path
 * prefix, a correction, a takedown and its undoing, a story scheduled and the clock passing its
 * time), and after each step the site updated in place must equal, file for file and byte for
 * byte (its state included), a full build of the same content into an empty folder given the same
 * clock and the same address ledger (`--previous`, from the updated site).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { build, hashTree, story } from './site-fixture.ts';

const SECTIONS = ['thoi-su', 'kinh-te', 'xa-hoi'] as const;
const two = (n: number) => String(n).padStart(2, '0');

interface Story {
  section: (typeof SECTIONS)[number];
  name: string;
  title: string;
  /** `HH:mm, dd/MM/yyyy`. */
  when: string;
  /** The photo's colour; null for a story whose caption has no photo file. */
  photo: number | null;
  body: string;
  /** The override block's fields, if any (corrections, `unpublished`). */
  fields?: string;
}

/** A story with one photo caption, so that a photo file beside it is shown. */
function text({ title, when, body, fields }: Story): string {
  const caption = `Ảnh minh hoạ cho bài "${title}".`;
  const written = story(title, when, 'Bài: PHÓNG VIÊN').replace('Thân bài có một đoạn văn ngắn', `${caption}\n${caption}\n\n${body}`);
  return fields ? `---\n${fields}\n---\n${written}` : written;
}

async function writeContent(dir: string, stories: readonly Story[]): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const section of SECTIONS) await mkdir(path.join(dir, section), { recursive: true });
  for (const s of stories) {
    await writeFile(path.join(dir, s.section, `${s.name}.txt`), text(s));
    if (s.photo !== null) {
      await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: s.photo, g: 90, b: 200 - (s.photo % 200) } } })
        .jpeg()
        .toFile(path.join(dir, s.section, `${s.name}-1.jpg`));
    }
  }
}

/** 24 stories of thời sự in March 2022 (two listing pages), and a few of other sections and years. */
function firstStories(): Story[] {
  const stories: Story[] = [];
  for (let i = 1; i <= 24; i++) {
    stories.push({ section: 'thoi-su', name: `tin-${two(i)}`, title: `Tin thời sự số ${i}`, when: `${two(6 + (i % 12))}:00, ${two(i)}/03/2022`, photo: i % 5 === 0 ? i * 9 : null, body: 'Thân bài' });
  }
  for (let i = 1; i <= 4; i++) {
    stories.push({ section: 'kinh-te', name: `gia-${i}`, title: `Giá nông sản số ${i}`, when: `09:00, ${two(i * 5)}/11/2021`, photo: null, body: 'Thân bài' });
  }
  return stories;
}

type Added = { kind: 'new' | 'back-dated' | 'scheduled'; section: number; photo: boolean; n: number };
type Changed = { kind: 'retitle' | 'delete' | 'move' | 'photo' | 'edit' | 'touch' | 'correct' | 'takedown'; pick: number; n: number };
type Edit = Added | Changed | { kind: 'prefix' } | { kind: 'clock' };

const isAdded = (e: Edit): e is Added => e.kind === 'new' || e.kind === 'back-dated' || e.kind === 'scheduled';

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('new' as const, 'back-dated' as const, 'scheduled' as const), section: fc.nat(2), photo: fc.boolean(), n: fc.nat(200) }),
  fc.record({
    kind: fc.constantFrom('retitle' as const, 'delete' as const, 'move' as const, 'photo' as const, 'edit' as const, 'touch' as const, 'correct' as const, 'takedown' as const),
    pick: fc.nat(),
    n: fc.nat(200),
  }),
  fc.constant({ kind: 'prefix' as const }),
  fc.constant({ kind: 'clock' as const }),
);

/** The build's clock: after every story of `firstStories` and every `new` one; `clock` moves it 6 hours on, past some `scheduled` ones. */
const START = Date.parse('2022-03-29T00:00:00+07:00');
const HOUR = 3_600_000;

/** `--now` for the clock at `time`, in Vietnam time. */
function clockArg(time: number): string {
  return new Date(time + 7 * HOUR).toISOString().replace(/\.000Z$/, '+07:00');
}

/** A correction (a story may get several), or a takedown undone by the next one. */
function withLifecycle(s: Story, e: Changed): Story {
  if (e.kind === 'correct') {
    const items = (s.fields ?? '').split('\n').filter((line) => line.startsWith('  - date:')).length;
    return { ...s, fields: `corrections:\n${'  - date: 2022-03-28 10:00\n    text: Sửa một chi tiết.\n'.repeat(items + 1)}`.trimEnd() };
  }
  return { ...s, fields: s.fields === 'unpublished: true' ? undefined : 'unpublished: true' };
}

let added = 0;

/** The content after `e`; the path prefix after it in `prefix`. */
function apply(stories: Story[], e: Edit, prefix: { value: string | undefined }, clock: { value: number } = { value: START }): Story[] {
  if (e.kind === 'prefix') {
    prefix.value = prefix.value ? undefined : '/tin/';
    return stories;
  }
  if (e.kind === 'clock') {
    clock.value += 6 * HOUR;
    return stories;
  }
  if (isAdded(e)) {
    added++;
    const when =
      e.kind === 'new'
        ? `${two(added % 24)}:30, 28/03/2022`
        : e.kind === 'scheduled'
          ? `${two(1 + (e.n % 20))}:00, 29/03/2022`
          : `10:00, ${two(1 + (e.n % 28))}/0${1 + (e.n % 9)}/2020`;
    return [...stories, { section: SECTIONS[e.section]!, name: `moi-${added}`, title: `Tin mới thêm số ${added}`, when, photo: e.photo ? e.n : null, body: 'Thân bài' }];
  }
  if (stories.length === 0) return stories;
  const i = e.pick % stories.length;
  const s = stories[i]!;
  const changed: Story | null =
    e.kind === 'correct' || e.kind === 'takedown'
      ? withLifecycle(s, e)
      : e.kind === 'delete'
      ? null
      : e.kind === 'retitle'
        ? { ...s, title: `${s.title} (đã sửa ${e.n})` }
        : e.kind === 'move'
          ? { ...s, section: SECTIONS[(SECTIONS.indexOf(s.section) + 1) % SECTIONS.length]! }
          : e.kind === 'photo'
            ? { ...s, photo: ((s.photo ?? 0) + 1 + e.n) % 256 }
            : e.kind === 'edit'
              ? { ...s, body: `${s.body} Thêm một câu ${e.n}.` }
              : s;
  return changed ? stories.map((other, j) => (j === i ? changed : other)) : stories.filter((_, j) => j !== i);
}

/**
 * Runs `edits` from the first stories, each followed by an update in place and a full build that
 * must equal it. In a git work tree (`commits` given), after each edit the content is committed
 * when that step's flag says so, or left as edited: git then vouches for the folders it holds
 * unchanged, and an update must still see every change.
 */
async function updatesEqualFullBuilds(edits: readonly Edit[], commits?: readonly boolean[]): Promise<void> {
  const repo = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-incremental-content-'));
  const content = commits ? path.join(repo, 'noi-dung') : repo;
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-incremental-site-')), '_site');
  const commit = (message: string) => {
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--allow-empty', '-m', message);
  };
  let stories = firstStories();
  const prefix: { value: string | undefined } = { value: undefined };
  const clock = { value: START };
  await writeContent(content, stories);
  if (commits) {
    git(repo, 'init', '-q');
    commit('first stories');
  }
  const first = await build(content, { out, args: ['--now', clockArg(clock.value)] });
  expect(first.exitCode, first.issues).toBe(0);
  for (const [step, e] of edits.entries()) {
    const before = prefix.value;
    stories = apply(stories, e, prefix, clock);
    await writeContent(content, stories);
    if (commits?.[step]) commit(`step ${step}`);
    const now = ['--now', clockArg(clock.value)];
    const updated = await build(content, { out, prefix: prefix.value, quiet: false, args: now });
    expect(updated.exitCode, updated.issues).toBe(0);
    // Another prefix changes every page: that build is a full one; any other is an update in place.
    if (prefix.value === before) expect(updated.stdout).toMatch(/tệp viết mới|không trang nào thay đổi/);
    const full = await build(content, { prefix: prefix.value, args: [...now, '--previous', out] });
    expect(full.exitCode, full.issues).toBe(0);
    expect(await hashTree(out), `after ${JSON.stringify(e)}`).toEqual(await hashTree(full.out));
  }
}

const git = (folder: string, ...args: string[]) => execFileSync('git', ['-C', folder, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' });

/** A story's life, surely covered: corrected, taken down and restored, its title fixed twice; a scheduled story whose time passes. */
const LIFE: Edit[] = [
  { kind: 'correct', pick: 3, n: 1 },
  { kind: 'takedown', pick: 5, n: 0 },
  { kind: 'retitle', pick: 7, n: 1 },
  { kind: 'retitle', pick: 7, n: 2 },
  { kind: 'scheduled', section: 0, photo: false, n: 4 },
  { kind: 'clock' },
  { kind: 'takedown', pick: 5, n: 0 },
];

test('after any sequence of edits, the site updated in place equals a full build', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 3, maxLength: 5 }), (edits) => updatesEqualFullBuilds(edits)),
    { numRuns: 3, seed: 20261130, endOnFailure: true, examples: [[LIFE]] },
  );
}, 900_000);

test('in a git work tree, committed after some edits and not others, the same', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 3, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (edits, commits) => updatesEqualFullBuilds(edits, commits)),
    {
      numRuns: 2,
      seed: 20261201,
      endOnFailure: true,
      // A photo replaced and committed, replaced again and left uncommitted, then committed with a story's edit.
      examples: [
        [
          [
            { kind: 'photo', pick: 4, n: 1 },
            { kind: 'photo', pick: 4, n: 2 },
            { kind: 'edit', pick: 9, n: 1 },
            { kind: 'new', section: 0, photo: true, n: 3 },
          ],
          [true, false, true, false, true],
        ],
      ],
    },
  );
}, 900_000);

test('a damaged state, or one written with other options, means a full build, never a wrong site', async () => {
  const content = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-incremental-content-'));
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-incremental-site-')), '_site');
  let stories = firstStories();
  await writeContent(content, stories);
  expect((await build(content, { out })).exitCode).toBe(0);

  await writeFile(path.join(out, '.toa-soan', 'state.json'), '{"format":');
  stories = apply(stories, { kind: 'new', section: 1, photo: false, n: 7 }, { value: undefined });
  await writeContent(content, stories);
  const afterDamage = await build(content, { out, quiet: false });
  expect(afterDamage.exitCode, afterDamage.issues).toBe(0);
  expect(afterDamage.stdout).toContain('Dựng lại toàn bộ');
  expect(afterDamage.stdout).not.toContain('tệp viết mới');
  expect(await hashTree(out)).toEqual(await hashTree((await build(content)).out));

  const otherPrefix = await build(content, { out, prefix: '/tin/', quiet: false });
  expect(otherPrefix.stdout).toContain('Dựng lại toàn bộ');
  expect(await hashTree(out)).toEqual(await hashTree((await build(content, { prefix: '/tin/' })).out));
}, 300_000);
