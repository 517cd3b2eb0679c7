import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELATED_MAX, RELATED_MIN, relatedStories, type StoryTopics } from '../src/corpus/related.ts';
import { startRelatedThread } from '../src/workers/related-thread.ts';

const story = (text: string, date: string, section: string | null = null): StoryTopics => ({ text, date, section });

/** Archives of `min` to `max` stories made of a few words, sections and topics, so that many share terms. */
const archive = (min: number, max: number) =>
  fc.array(
    fc.record({
      text: fc.array(fc.constantFrom('tỏi', 'Lý Sơn', 'giá', 'cá ngừ', 'khai trường', 'Đảng', 'cơ sở', 'và', 'mưa lũ'), { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')),
      date: fc.integer({ min: 0, max: 1000 }),
      section: fc.constantFrom(null, 'a', 'b'),
      topics: fc.array(fc.constantFrom('bao-so-9', 'ly-son'), { maxLength: 2 }),
    }),
    { minLength: min, maxLength: max },
  );

describe('relatedStories', () => {
  const stories = [
    story('Lý Sơn vào mùa thu hoạch tỏi', '2019-03-18T09:12:00+07:00', 'kinh-te'),
    story('Giá tỏi Lý Sơn tăng mạnh', '2019-04-01T08:00:00+07:00', 'kinh-te'),
    story('Tỏi Lý Sơn được mùa, được giá', '2018-03-10T08:00:00+07:00', 'kinh-te'),
    story('Học sinh hân hoan ngày khai trường', '2017-09-05T16:03:00+07:00', 'giao-duc'),
    story('Giá cá ngừ giảm, ngư dân Sa Huỳnh gặp khó', '2020-07-12T10:45:00+07:00', 'kinh-te'),
    story('Khai trường ở huyện đảo Lý Sơn', '2019-09-05T07:00:00+07:00', 'giao-duc'),
    story('Đảng ủy Khối các cơ quan tỉnh hướng về cơ sở', '2016-06-11T07:38:00+07:00', 'xay-dung-dang'),
  ];
  const related = relatedStories(stories);

  it('puts the stories sharing the most significant words first', () => {
    expect(related[0]!.slice(0, 2)).toEqual([2, 1]);
  });

  it('prefers the same section when words tie', () => {
    expect(related[3]![0]).toBe(5);
  });

  it('gives every story 3 to 5 others and never itself', () => {
    related.forEach((list, self) => {
      expect(list.length).toBeGreaterThanOrEqual(RELATED_MIN);
      expect(list.length).toBeLessThanOrEqual(RELATED_MAX);
      expect(list).not.toContain(self);
      expect(new Set(list).size).toBe(list.length);
    });
  });

  it('is deterministic, whatever order the stories come in', () => {
    fc.assert(
      fc.property(
        archive(4, 40),
        (input) => {
          const first = relatedStories(input);
          expect(relatedStories(input)).toEqual(first);
          first.forEach((list, self) => {
            expect(list).not.toContain(self);
            expect(list.length).toBeGreaterThanOrEqual(RELATED_MIN);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('relatedStories ties', () => {
  it('go to the newer story', () => {
    const stories = [story('Mưa lũ', '2020-01-01', null), story('Mưa lũ', '2019-01-01', null), story('Mưa lũ', '2021-01-01', null), story('Mưa lũ', '2018-01-01', null)];
    expect(relatedStories(stories)[0]).toEqual([2, 1, 3]);
  });
});

describe('startRelatedThread', () => {
  it('chooses on its own thread what relatedStories chooses in this one', async () => {
    await fc.assert(
      fc.asyncProperty(archive(0, 3000), async (input) => {
        const thread = startRelatedThread();
        try {
          expect(await thread.choose(input)).toEqual(relatedStories(input));
        } finally {
          await thread.end();
        }
      }),
      { numRuns: 5 },
    );
  });

  it('ends when told to, whether or not it was asked', async () => {
    await startRelatedThread().end();
    const thread = startRelatedThread();
    await thread.end();
    await expect(thread.choose([])).rejects.toThrow(/dừng bất thường/);
  });
});
