import { warning } from '../issue.ts';
import { current, type Rule } from '../state.ts';

/** A photo is exported as its alt text and its caption: the same line twice in a row. */
export const photoCaption: Rule = (state) => {
  const first = current(state);
  const second = state.lines[state.pos + 1];
  if (!second || second.text !== first.text) return false;
  state.blocks.push({ kind: 'figure', caption: first.text, line: first.line });
  state.pos += 2;
  const third = state.lines[state.pos];
  if (third && third.text === first.text) {
    state.issues.push(
      warning(
        'REPEATED_LINE',
        third.line,
        'Dòng này lặp lại lần thứ ba ngay sau một chú thích ảnh; nó được giữ làm một đoạn văn. Nếu là lỗi chép, hãy xoá dòng thừa.',
      ),
    );
  }
  return true;
};
