import { describe, expect, it } from 'vitest';
import { cacheControl, contentType, HEADER_RULES, IMMUTABLE, SHORT_LIVED } from '../../src/publish/headers.ts';
import { decodeManifest, encodeManifest, MANIFEST_KEY, type Manifest } from '../../src/publish/manifest.ts';
import { planPublish, uploadBatches, uploadRank, type LocalFile, type StoredObject } from '../../src/publish/plan.ts';
import { nextManifest } from '../../src/publish/publish.ts';
import { parseTarget } from '../../src/publish/target.ts';

const file = (key: string, md5 = `md5-of-${key}`, size = 10): LocalFile => ({ key, md5, size });
const stored = (key: string, etag = `md5-of-${key}`, size = 10): StoredObject => ({ key, etag, size });
const manifestOf = (keys: string[], odd: Manifest['odd'] = new Map()): Manifest =>
  nextManifest(
    keys.map((key) => file(key)),
    new Map(),
    { rules: HEADER_RULES, types: {}, keys: new Set(), odd },
  );

describe('parseTarget', () => {
  it('reads the bucket and a prefix that always ends in one slash', () => {
    expect(parseTarget('s3://bao-quang-ngai')).toEqual({ bucket: 'bao-quang-ngai', prefix: '' });
    expect(parseTarget('s3://bao-quang-ngai/')).toEqual({ bucket: 'bao-quang-ngai', prefix: '' });
    expect(parseTarget('s3://kho/tin')).toEqual({ bucket: 'kho', prefix: 'tin/' });
    expect(parseTarget('s3://kho//bao/tin/')).toEqual({ bucket: 'kho', prefix: 'bao/tin/' });
  });

  it('refuses what is not an s3:// address, a bad bucket name, and . or .. in the prefix', () => {
    for (const bad of ['kho/tin', 'https://kho/tin', 's3://', 's3://Kho', 's3://k', 's3://kho_tin', 's3://kho/../tin', 's3://kho/./tin']) {
      expect(parseTarget(bad), bad).toHaveProperty('error');
    }
  });
});

describe('headers', () => {
  it('declares UTF-8 for every kind of text the build writes, and nothing for binary files', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('style.css')).toBe('text/css; charset=utf-8');
    expect(contentType('search.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('robots.txt')).toBe('text/plain; charset=utf-8');
    expect(contentType('pagefind/pagefind-entry.json')).toBe('application/json; charset=utf-8');
    expect(contentType('feed.xml')).toBe('application/xml; charset=utf-8');
    expect(contentType('sitemap-news.xml')).toBe('application/xml; charset=utf-8');
    expect(contentType('img/abc-800.avif')).toBe('image/avif');
    expect(contentType('img/abc-800.jpeg')).toBe('image/jpeg');
    expect(contentType('pagefind/fragment/vi_07c1ea7.pf_fragment')).toBe('application/octet-stream');
  });

  it('keeps content-hashed files a year, everything that changes in place a minute', () => {
    for (const key of ['img/Xy12-640.avif', 'img/rec/Xy12.json', 'pagefind/ngay/fragment/vi_1.pf_fragment', 'pagefind/thang/index/vi_2.pf_index', 'pagefind/2016/filter/vi_3.pf_filter', 'pagefind/nam/pagefind.vi_e99ee3c713.pf_meta', 'pagefind/2016/pagefind.vi_aa.pf_meta']) {
      expect(cacheControl(key), key).toBe(IMMUTABLE);
    }
    for (const key of ['index.html', '2016/06/bai/index.html', 'feed.xml', 'sitemap.xml', 'style.css', 'pagefind/ngay/pagefind.js', 'pagefind/ngay/pagefind-entry.json', 'pagefind/ngay/wasm.unknown.pagefind', 'pagefind/indexes.json', 'pagefind/fragment/vi_1.pf_fragment', 'thoi-su/img/index.html']) {
      expect(cacheControl(key), key).toBe(SHORT_LIVED);
    }
  });
});

describe('planPublish', () => {
  it('uploads new and changed files, checks same bytes of unknown headers, deletes what the site lost, never the manifest', () => {
    const files = [file('index.html', 'new-md5'), file('a.html'), file('b.html'), file('c.html')];
    const objects = [stored('index.html'), stored('a.html'), stored('b.html'), stored('gone.html'), stored(MANIFEST_KEY)];
    const plan = planPublish(files, objects, manifestOf(['a.html']));
    expect(plan).toEqual({
      uploads: [
        { key: 'index.html', reason: 'changed' },
        { key: 'c.html', reason: 'new' },
      ],
      unverified: ['b.html'],
      unchanged: ['a.html'],
      deletions: ['gone.html'],
    });
  });

  it('uploads a photo object only when the bucket has none of its name, and never deletes one', () => {
    const files = [file('img/a-640.avif', 'other-md5'), file('img/rec/a.json'), file('img/b-640.jpeg')];
    const objects = [stored('img/a-640.avif'), stored('img/rec/a.json', 'x', 1), stored('img/old-640.avif'), stored('img/rec/old.json'), stored('old.html')];
    expect(planPublish(files, objects, null)).toEqual({
      uploads: [{ key: 'img/b-640.jpeg', reason: 'new' }],
      unverified: [],
      unchanged: ['img/a-640.avif', 'img/rec/a.json'],
      deletions: ['old.html'],
    });
  });

  it('compares by size and ETag, not by anything else', () => {
    expect(planPublish([file('a.html', 'x', 11)], [stored('a.html', 'x', 10)], manifestOf(['a.html'])).uploads).toEqual([{ key: 'a.html', reason: 'changed' }]);
  });

  it('an ETag that is no MD5 (KMS, multipart) is matched through the manifest, and only while the object keeps that ETag', () => {
    const odd = new Map([['a.html', { etag: 'abc-2', md5: 'md5-of-a.html' }]]);
    const manifest = manifestOf(['a.html'], odd);
    expect(manifest.odd).toEqual(odd);
    expect(planPublish([file('a.html')], [stored('a.html', 'abc-2')], manifest).unchanged).toEqual(['a.html']);
    expect(planPublish([file('a.html')], [stored('a.html', 'abc-3')], manifest).uploads).toHaveLength(1);
    expect(planPublish([file('a.html')], [stored('a.html', 'abc-2')], manifestOf(['a.html'])).uploads).toHaveLength(1);
  });

  it('checks every object again when the header rules or a content type changed since the manifest', () => {
    const manifest = manifestOf(['a.html', 'b.css']);
    expect(planPublish([file('a.html'), file('b.css')], [stored('a.html'), stored('b.css')], { ...manifest, rules: 'older' }).unverified).toEqual(['a.html', 'b.css']);
    const olderTypes = { ...manifest, types: { ...manifest.types, '.css': 'text/css' } };
    expect(planPublish([file('a.html'), file('b.css')], [stored('a.html'), stored('b.css')], olderTypes).unverified).toEqual(['b.css']);
  });
});

describe('uploadBatches', () => {
  it('ranks what pages use, then article pages, then what leads to them', () => {
    expect(uploadRank('img/a-800.avif')).toBe(0);
    expect(uploadRank('style.css')).toBe(0);
    expect(uploadRank('pagefind/ngay/fragment/vi_1.pf_fragment')).toBe(0);
    expect(uploadRank('2016/06/bai/index.html')).toBe(1);
    expect(uploadRank('2016/06/trang/2/index.html')).toBe(2);
    expect(uploadRank('2016/06/index.html')).toBe(2);
    expect(uploadRank('index.html')).toBe(2);
    expect(uploadRank('thoi-su/feed.xml')).toBe(2);
    expect(uploadRank('sitemap.xml')).toBe(2);
    expect(uploadRank('robots.txt')).toBe(2);
    expect(uploadRank('pagefind/ngay/pagefind-entry.json')).toBe(2);
    expect(uploadRank('pagefind/indexes.json')).toBe(2);
    expect(uploadRank('pagefind/ngay/pagefind.js')).toBe(2);
  });

  it('puts every new object before any changed one, in rank order, sorted within a batch', () => {
    const batches = uploadBatches([
      { key: 'index.html', reason: 'changed' },
      { key: 'feed.xml', reason: 'changed' },
      { key: '2016/06/cu/index.html', reason: 'changed' },
      { key: 'tac-gia/moi/index.html', reason: 'new' },
      { key: '2016/06/moi/index.html', reason: 'new' },
      { key: 'img/b.avif', reason: 'new' },
      { key: 'img/a.avif', reason: 'new' },
      { key: 'style.css', reason: 'headers' },
    ]);
    expect(batches).toEqual([
      ['img/a.avif', 'img/b.avif'],
      ['2016/06/moi/index.html'],
      ['tac-gia/moi/index.html'],
      ['style.css'],
      ['2016/06/cu/index.html'],
      ['feed.xml', 'index.html'],
    ]);
  });
});

describe('manifest', () => {
  it('round-trips, and gives the same bytes for the same content whatever the order it was built in', () => {
    const one = manifestOf(['b.html', 'a.html'], new Map([['a.html', { etag: 'x-2', md5: 'md5-of-a.html' }]]));
    const two = manifestOf(['a.html', 'b.html'], new Map([['a.html', { etag: 'x-2', md5: 'md5-of-a.html' }]]));
    expect(encodeManifest(one).equals(encodeManifest(two))).toBe(true);
    expect(decodeManifest(encodeManifest(one))).toEqual(one);
  });

  it('reads anything damaged as no manifest', () => {
    expect(decodeManifest(Buffer.from('not gzip'))).toBeNull();
    const whole = encodeManifest(manifestOf(['a.html']));
    expect(decodeManifest(whole.subarray(0, whole.length - 5))).toBeNull();
  });
});
