import { describe, expect, test } from 'vitest';
import { describeRebuild } from '../../src/serve/affected.ts';

describe('describeRebuild', () => {
  test('names each edited story with its address and counts the pages that show them apart', () => {
    expect(describeRebuild([{ file: 'content/loat/bai-2.txt', url: '/2022/03/tin-hai/' }], 3, 0.42)).toBe(
      [
        'Đã dựng lại 3 trang bài trong 0.4 giây: 1 bài đã sửa và 2 trang dẫn tới chúng (bài trước, bài sau, tin liên quan).',
        '  content/loat/bai-2.txt → /2022/03/tin-hai/',
      ].join('\n'),
    );
  });

  test('a removed story has no address, and its page is not among those rendered', () => {
    expect(describeRebuild([{ file: 'content/loat/bai-2.txt' }], 2, 1)).toBe(
      ['Đã dựng lại 2 trang bài trong 1.0 giây: 1 bài đã sửa và 2 trang dẫn tới chúng (bài trước, bài sau, tin liên quan).', '  content/loat/bai-2.txt → đã xoá'].join('\n'),
    );
  });

  test('a story shown nowhere else', () => {
    expect(describeRebuild([{ file: 'a.txt', url: '/2022/03/a/' }], 1, 0.1)).toBe('Đã dựng lại 1 trang bài trong 0.1 giây: 1 bài đã sửa.\n  a.txt → /2022/03/a/');
  });
});
