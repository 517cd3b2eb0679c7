import { error } from '../issue.ts';
import { current, type Rule } from '../state.ts';
import { vietnamTime } from '../vietnam-time.ts';

const LOOKS_LIKE_TIMESTAMP = /^cập\s*nhật\b/iu;
// `Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]`, with or without the colon, the zone tag, leading zeros or tidy spacing.
const TIMESTAMP =
  /^cập\s*nhật\s+lúc\s*:?\s*(\d{1,2})\s*[:hH]\s*(\d{1,2})\s*,?\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*(?:\[?\s*GMT\s*\+\s*0?7(?::?00)?\s*\]?)?$/iu;

/** The first content line may be the `Cập nhật lúc` timestamp, which gives the article's date. */
export const timestamp: Rule = (state) => {
  if (state.pos !== 0) return false;
  const { text, line } = current(state);
  if (!LOOKS_LIKE_TIMESTAMP.test(text)) return false;
  state.pos++;
  const match = TIMESTAMP.exec(text);
  if (!match) {
    state.issues.push(
      error(
        'BAD_TIMESTAMP',
        line,
        `Dòng thời gian "${text}" không đúng mẫu. Hãy viết theo mẫu "Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]" (giờ:phút, ngày/tháng/năm).`,
      ),
    );
    return true;
  }
  const [hour, minute, day, month, year] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const value = vietnamTime({ year, month, day, hour, minute });
  if (!value) {
    state.issues.push(
      error(
        'BAD_TIMESTAMP',
        line,
        `Ngày giờ "${text}" không có thật (ngày ${day}/${month}/${year}, ${hour}:${String(minute).padStart(2, '0')}). Hãy sửa lại cho đúng ngày/tháng/năm và giờ:phút (giờ 0–23, phút 0–59).`,
      ),
    );
    return true;
  }
  state.date = { value, line };
  return true;
};
