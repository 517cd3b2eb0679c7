import { oldStyleTones } from './tone.ts';
import { forEachWord } from './word-runs.ts';

/**
 * Syllables too common in Vietnamese news to say what a story is about: function words, and the
 * paper's everyday vocabulary of dates and administration. Written with modern tone placement, in NFC.
 */
const STOP_WORDS = new Set(
  `và của các những là có được cho với trong để đã sẽ đang này đó khi thì mà từ tại về theo trên dưới ra vào lên xuống
  một hai ba bốn năm sáu bảy tám chín mười trăm nghìn ngàn triệu tỷ không chưa người ngày tháng nhiều ít cũng như sau trước đến nên
  vì do bị rất còn nhất hơn lại tới qua hay hoặc nhưng thế nào gì ai đây kia ấy chỉ việc cùng vẫn đều bằng phải thêm nữa
  mới cả luôn ở làm đi có thể sự cách nơi lúc hiện nay tuy nếu vừa đối với bởi giữa ngoài trong khi hết mọi mỗi từng
  tỉnh huyện xã thành phố phường thôn quận ông bà anh chị em họ chúng tôi ta mình cần đề nghị tổ chức thực hiện công tác
  vừa qua đầu cuối gần hơn chiều sáng tối hôm nay mai`
    .split(/\s+/)
    .filter(Boolean),
);

/** The lower-case syllables of a text, without punctuation, tone marks placed the old way. */
export function syllables(text: string): string[] {
  const lower = oldStyleTones(text).toLowerCase();
  const words: string[] = [];
  forEachWord(lower, (start, end) => words.push(lower.slice(start, end)));
  return words;
}

/**
 * The terms that say what a title or heading is about: its significant syllables, and each pair of
 * neighbouring syllables where neither is a stop word (`lý sơn`, `cá ngừ`), since Vietnamese words are
 * often two syllables long and a pair means much more than either half.
 */
export function significantTerms(text: string): string[] {
  const all = syllables(text);
  const significant = all.map((syllable) => !STOP_WORDS.has(syllable) && !isNumber(syllable));
  const terms = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    if (!significant[i]) continue;
    terms.add(all[i]!);
    if (significant[i + 1]) terms.add(`${all[i]} ${all[i + 1]}`);
  }
  return [...terms];
}

/** Whether `word` is ASCII digits only (`2016`, not `2016a`): numbers say nothing of a subject. */
function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return word.length > 0;
}
