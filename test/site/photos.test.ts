import { describe, expect, test } from 'vitest';
import { matchPhotos, ownerOf, photoIssues } from '../../src/corpus/photos.ts';

describe('matchPhotos', () => {
  test('photo k is NAME-k with any image extension, lower case preferred; a story without images is not warned about', () => {
    expect(matchPhotos('c/bai.txt', 2, [], ['bai.txt', 'bai-1.JPG', 'bai-2.Webp'])).toEqual({ files: ['bai-1.JPG', 'bai-2.Webp'], problems: [] });
    expect(matchPhotos('c/bai.txt', 1, [], ['bai.txt', 'bai-1.JPG', 'bai-1.jpg']).files).toEqual(['bai-1.jpg']);
    expect(matchPhotos('c/bai.txt', 2, [], ['bai.txt', 'khac.txt', 'khac-1.jpg'])).toEqual({ files: [null, null], problems: [] });
  });

  test('a misnamed file is offered to the photo that lacks one, naming both', () => {
    const { files, problems } = matchPhotos('c/bai.txt', 2, [], ['bai.txt', 'bai-1.jpg', 'bai-khuc_2.jpg', 'bai-3.jpg']);
    expect(files).toEqual(['bai-1.jpg', null]);
    expect(problems).toEqual([
      { kind: 'missing', photo: 2, expected: 'bai-2.jpg', named: null, found: 'bai-khuc_2.jpg' },
      expect.objectContaining({ kind: 'unused', file: 'bai-3.jpg', photo: null, taken: null, photoCount: 2 }),
    ]);
  });

  test('a photo without a file is a problem once the story has images at all', () => {
    expect(matchPhotos('c/bai.txt', 3, [], ['bai.txt', 'bai-1.jpg']).problems).toEqual([
      { kind: 'missing', photo: 2, expected: 'bai-2.jpg', named: null, found: null },
      { kind: 'missing', photo: 3, expected: 'bai-3.jpg', named: null, found: null },
    ]);
  });

  test('a second file for the same photo is unused, and says which file the photo took', () => {
    expect(matchPhotos('c/bai.txt', 1, [], ['bai.txt', 'bai-1.jpg', 'bai-1.png']).problems).toEqual([
      expect.objectContaining({ kind: 'unused', file: 'bai-1.png', photo: 1, taken: 'bai-1.jpg' }),
    ]);
  });

  test('several stories in one folder: each image belongs to the longest story name it starts with', () => {
    const siblings = ['bai.txt', 'bai-moi.txt', 'bai-1.jpg', 'bai-moi-1.jpg', 'bai-moi-anh.jpg', 'bai-2.jpg'];
    expect(matchPhotos('c/bai.txt', 2, [], siblings)).toEqual({ files: ['bai-1.jpg', 'bai-2.jpg'], problems: [] });
    expect(matchPhotos('c/bai-moi.txt', 1, [], siblings).problems).toEqual([expect.objectContaining({ kind: 'unused', file: 'bai-moi-anh.jpg' })]);
    expect(ownerOf('bai-2.jpg', ['bai', 'bai-2'])).toBe('bai');
    expect(ownerOf('bai-2-1.jpg', ['bai', 'bai-2'])).toBe('bai-2');
    expect(ownerOf('baiviet-1.jpg', ['bai'])).toBeNull();
  });

  test('an override list wins; its missing names and the files it leaves over are reported', () => {
    const { files, problems } = matchPhotos('c/bai.txt', 2, ['anh-a.jpg', 'anh-b.jpg', 'anh-c.jpg'], ['bai.txt', 'anh-a.jpg', 'anh-c.jpg', 'bai-1.jpg']);
    expect(files).toEqual(['anh-a.jpg', null]);
    expect(problems).toEqual([
      { kind: 'missing', photo: 2, expected: 'anh-b.jpg', named: 'photos', found: null },
      expect.objectContaining({ kind: 'unused', file: 'bai-1.jpg', listed: false }),
      expect.objectContaining({ kind: 'unused', file: 'anh-c.jpg', listed: true }),
    ]);
  });
});

describe('photoIssues', () => {
  test('each warning sits on its photo line; a stray file on the last photo line, or line 1 without any', () => {
    const { problems } = matchPhotos('c/bai.txt', 2, [], ['bai.txt', 'bai-1.jpg', 'bai-khuc_2.jpg', 'bai-3.jpg']);
    const issues = photoIssues(problems, [13, 22]);
    expect(issues.map(({ code, line, severity }) => ({ code, line, severity }))).toEqual([
      { code: 'MISSING_PHOTO', line: 22, severity: 'warning' },
      { code: 'UNUSED_PHOTO', line: 22, severity: 'warning' },
    ]);
    expect(issues[0]!.message).toMatch(/^Ảnh 2 cần tệp "bai-2\.jpg"; thấy "bai-khuc_2\.jpg"/);
    expect(issues[1]!.message).toContain('"bai-3.jpg"');
    expect(photoIssues(matchPhotos('c/bai.txt', 0, [], ['bai.txt', 'bai-1.jpg']).problems, [])).toEqual([
      expect.objectContaining({ code: 'UNUSED_PHOTO', line: 1 }),
    ]);
  });
});

test('a folder of thousands of stories, each with a photo, is matched story by story without looking at every other file', () => {
  const siblings = Array.from({ length: 3000 }, (_, i) => [`bai-${i}.txt`, `bai-${i}-1.jpg`]).flat();
  const matches = Array.from({ length: 3000 }, (_, i) => matchPhotos(`thu-muc/bai-${i}.txt`, 1, [], siblings));
  expect(matches.every((match, i) => match.files[0] === `bai-${i}-1.jpg` && match.problems.length === 0)).toBe(true);
});
