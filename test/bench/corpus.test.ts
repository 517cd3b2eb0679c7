import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { generateArticle, photoFileName, photoJpeg, writeCorpus } from '../../bench/corpus.ts';
import { matchPhotos } from '../../src/corpus/photos.ts';
import { sections } from '../../bench/vocabulary.ts';
import { parseArticle } from '../../src/parser/index.ts';

const SEED = 20160611;
const SAMPLE = Array.from({ length: 300 }, (_, i) => generateArticle(i, SEED));

async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(path.slice(dir.length), createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return hashes;
}

describe('generateArticle', () => {
  it('gives the same bytes for the same seed and index', () => {
    for (const i of [0, 1, 17, 299]) {
      expect(generateArticle(i, SEED)).toEqual(SAMPLE[i]);
    }
  });

  it('gives different articles for another seed or index', () => {
    expect(generateArticle(0, SEED + 1).text).not.toBe(SAMPLE[0]!.text);
    expect(SAMPLE[1]!.text).not.toBe(SAMPLE[0]!.text);
  });

  it('writes NFC text in the export format, with the format variants', () => {
    const texts = SAMPLE.map((a) => a.text);
    for (const text of texts) {
      expect(text.normalize('NFC')).toBe(text);
      expect(text).toMatch(/^\ufeff?(?:\r?\n)?Cập nhật lúc: \d{1,2}:\d\d, \d{1,2}\/\d{1,2}\/20\d\d/);
      expect(text).toContain('(Báo Quảng Ngãi)- ');
    }
    expect(texts.some((t) => /^Cập nhật lúc: \d\d:\d\d, \d\d\/\d\d\/\d{4} \[GMT\+7\]\n\.\n/.test(t))).toBe(true);
    expect(texts.some((t) => /^Cập nhật lúc: \d:\d\d, \d\/\d\/\d{4}\n/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('\nTIN LIÊN QUAN\n'))).toBe(true);
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => t.includes('\n\u00a0\n'))).toBe(true);
  });

  it('varies sections, bylines, headings, photos, dates and length as the brief asks', () => {
    const expected = SAMPLE.map((a) => a.expected);
    expect(new Set(SAMPLE.map((a) => a.section)).size).toBeGreaterThan(20);
    expect(SAMPLE.every((a) => (sections as readonly string[]).includes(a.section))).toBe(true);
    expect(new Set(expected.map((e) => e.author)).size).toBeGreaterThan(30);
    expect(new Set(expected.map((e) => e.date.slice(0, 4))).size).toBe(10);
    expect(new Set(expected.map((e) => e.headings.length))).toEqual(new Set([0, 1, 2, 3]));
    expect(new Set(expected.map((e) => e.captions.length))).toEqual(new Set([0, 1, 2, 3]));
    expect(expected.some((e) => e.credit === e.author)).toBe(true);
    expect(expected.some((e) => / - Ảnh: /.test(e.credit))).toBe(true);
    for (const e of expected) {
      const words = e.paragraphs.join(' ').split(' ').length;
      expect(words).toBeGreaterThanOrEqual(300);
      expect(words).toBeLessThanOrEqual(1500);
    }
  });

  it('names files NNNNNN-slug.txt, unique across the corpus', () => {
    const names = SAMPLE.map((a) => a.fileName);
    expect(new Set(names).size).toBe(names.length);
    expect(names[7]).toMatch(/^000007-[a-z0-9-]+\.txt$/);
    expect(new Set(SAMPLE.map((a) => a.fileName.slice(7))).size).toBe(names.length);
  });

  it('places the asked number of photos, each with its own caption', () => {
    for (const photos of [0, 3, 5]) {
      const generated = generateArticle(12, SEED, { photos });
      expect(generated.expected.captions).toHaveLength(photos);
      const result = parseArticle(generated.text);
      expect(result.ok && result.article.captions).toEqual(generated.expected.captions);
    }
  });

  it('writes an article of the asked size', () => {
    const huge = generateArticle(0, SEED, { bodyWords: 50_000 });
    const words = huge.expected.paragraphs.join(' ').split(' ').length;
    expect(words).toBeGreaterThanOrEqual(50_000);
    expect(words).toBeLessThan(50_100);
  });
});

describe('parseArticle on generated articles', () => {
  it('finds exactly the generated title, date, byline, lead, headings, captions and paragraphs', () => {
    for (const generated of SAMPLE) {
      const result = parseArticle(generated.text);
      if (!result.ok) throw new Error(`${generated.fileName}: ${JSON.stringify(result.errors)}`);
      const { article, warnings } = result;
      const e = generated.expected;
      expect(warnings, generated.fileName).toEqual([]);
      expect(
        {
          title: article.title,
          date: article.date,
          author: article.author,
          credit: article.credit,
          source: article.source,
          lead: article.lead,
          headings: article.headings,
          captions: article.captions,
          paragraphs: article.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])),
        },
        generated.fileName,
      ).toEqual(e);
      expect(article.blocks.map((b) => b.kind)).toEqual(generated.blocks.map((b) => b.kind));
    }
  });
});

describe('writeCorpus', () => {
  it('writes dir/SECTION/NNNNNN-slug.txt, byte-identical for the same seed', async () => {
    const a = await mkdtemp(join(tmpdir(), 'corpus-a-'));
    const b = await mkdtemp(join(tmpdir(), 'corpus-b-'));
    try {
      const summary = await writeCorpus(a, 40, SEED);
      await writeCorpus(b, 40, SEED);
      const [ha, hb] = [await hashTree(a), await hashTree(b)];
      expect(summary.files).toBe(40);
      expect(ha.size).toBe(40);
      expect(hb).toEqual(ha);
      const first = SAMPLE[0]!;
      const onDisk = await readFile(join(a, first.section, first.fileName), 'utf8');
      expect(onDisk).toBe(first.text);
      expect(summary.bytes).toBe(SAMPLE.slice(0, 40).reduce((n, x) => n + Buffer.byteLength(x.text), 0));
    } finally {
      await rm(a, { recursive: true, force: true });
      await rm(b, { recursive: true, force: true });
    }
  });
});

describe('writeCorpus with photos', () => {
  it('writes a distinct small JPEG for every caption, named as the loader finds it, the same for the same seed', async () => {
    const a = await mkdtemp(join(tmpdir(), 'corpus-photos-a-'));
    const b = await mkdtemp(join(tmpdir(), 'corpus-photos-b-'));
    try {
      const summary = await writeCorpus(a, 30, SEED, { photos: 'small' });
      await writeCorpus(b, 30, SEED, { photos: 'small' });
      const captions = SAMPLE.slice(0, 30).reduce((n, x) => n + x.expected.captions.length, 0);
      expect(summary.photos).toBe(captions);
      expect(captions).toBeGreaterThan(20);
      const hashes = await hashTree(a);
      expect(hashes.size).toBe(30 + captions);
      expect(await hashTree(b)).toEqual(hashes);
      const photoHashes = [...hashes].filter(([name]) => name.endsWith('.jpg')).map(([, hash]) => hash);
      expect(new Set(photoHashes).size).toBe(captions);
      for (const article of SAMPLE.slice(0, 30)) {
        const names = await readdir(join(a, article.section));
        expect(matchPhotos(article.fileName, article.expected.captions.length, [], names)).toEqual({
          files: article.expected.captions.map((_, k) => photoFileName(article, k + 1)),
          problems: [],
        });
      }
      const withPhoto = SAMPLE.find((x) => x.expected.captions.length > 0)!;
      expect(await sharp(join(a, withPhoto.section, photoFileName(withPhoto, 1))).metadata()).toMatchObject({ width: 240, height: 160, format: 'jpeg' });
    } finally {
      await rm(a, { recursive: true, force: true });
      await rm(b, { recursive: true, force: true });
    }
  });

  it('makes camera-size photos on demand: 4000×2667, megabytes of noise, one per seed', async () => {
    const photo = await photoJpeg('camera', 1);
    expect(await sharp(photo).metadata()).toMatchObject({ width: 4000, height: 2667, format: 'jpeg' });
    expect(photo.length).toBeGreaterThan(2_000_000);
    expect((await photoJpeg('small', 1)).equals(await photoJpeg('small', 2))).toBe(false);
  });
});
