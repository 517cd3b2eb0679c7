import yaml from 'js-yaml';

/** Where in the override block (0-based line) a mistake is, and how an editor fixes it, in plain Vietnamese. */
export interface Mistake {
  index: number;
  message: string;
}

// The core schema keeps `2019-04-14 08:00` a string: YAML's timestamp type would read it as UTC, not Vietnam time.
export const OVERRIDE_YAML_OPTIONS: yaml.LoadOptions = { schema: yaml.CORE_SCHEMA };

const KEY_VALUE = /^([^\s#:-][^:]*?)[ \t]*:[ \t]+(\S.*)$/;
const KEY_ONLY = /^([^\s#:-][^:]*?)[ \t]*:[ \t]*$/;
const INDENTED_KEY = /^([ \t]+)([^\s#:-][^:]*?)[ \t]*:(?:[ \t]|$)/;
const LIST_ITEM = /^([ \t]*)-(?:[ \t]|$)/;
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const SPECIAL_START = /^[!&*[\]{}|>@`%,?-]/;

export const EXAMPLE_FIELD = 'title: "Tiêu đề đúng"';

function isBlank(line: string): boolean {
  return /^\s*(?:#.*)?$/.test(line);
}

function parses(text: string): boolean {
  try {
    yaml.load(text, OVERRIDE_YAML_OPTIONS);
    return true;
  } catch {
    return false;
  }
}

/** `value` as a YAML string that reads back as the editor's text; an opening quote never closed is dropped. */
export function quoted(value: string): string {
  let text = value.trim();
  const quote = text[0];
  if ((quote === '"' || quote === "'") && text.split(quote).length === 2) text = text.slice(1).trim();
  return text.includes('"') && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
}

/** What is wrong with `key: value` when the value alone does not read as text. */
function valueProblem(value: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    return value.split(quote).length === 2 ? 'mở dấu ngoặc kép mà không đóng' : 'có chữ đứng sau dấu ngoặc kép đóng';
  }
  if (/:(?:\s|$)/.test(value)) return 'có dấu hai chấm (:), dấu mà khối ghi đè hiểu là bắt đầu một trường mới';
  if (SPECIAL_START.test(value)) return `bắt đầu bằng ký tự "${value[0]}", ký tự có nghĩa riêng trong khối ghi đè`;
  return 'có ký tự mà khối ghi đè không đọc được như chữ thường';
}

function previousContentLine(lines: readonly string[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) if (!isBlank(lines[i]!)) return lines[i];
  return undefined;
}

/** The first recognizable mistake on one line, given the lines before it; null when the line looks right. */
function lineMistake(lines: readonly string[], index: number): string | null {
  const line = lines[index]!;
  if (isBlank(line)) return null;
  if (CONTROL_CHARACTER.test(line)) {
    return 'Dòng này có ký tự lạ không in ra được (thường do dán chữ từ nguồn khác). Hãy xoá rồi gõ lại dòng này.';
  }
  if (/^ *\t/.test(line)) {
    return 'Dòng này thụt đầu dòng bằng phím Tab, mà khối ghi đè chỉ nhận dấu cách. Hãy thay mỗi Tab bằng hai dấu cách.';
  }
  const keyValue = KEY_VALUE.exec(line);
  if (keyValue && !parses(`k: ${keyValue[2]}`)) {
    const [, key, value] = keyValue as unknown as [string, string, string];
    return `Giá trị của trường "${key}" ${valueProblem(value)}. Hãy đặt cả giá trị trong dấu ngoặc kép, viết lại dòng này thành: ${key}: ${quoted(value)}`;
  }
  const previous = previousContentLine(lines, index);
  const indentedKey = INDENTED_KEY.exec(line);
  if (indentedKey && previous !== undefined && KEY_VALUE.test(previous) && !/:[ \t]*[|>]/.test(previous)) {
    return `Tên trường "${indentedKey[2]}" không được thụt vào đầu dòng. Hãy viết sát lề trái: ${line.trim()}`;
  }
  const previousItem = previous === undefined ? null : LIST_ITEM.exec(previous);
  if (/^[ \t]/.test(line) && !LIST_ITEM.test(line) && !indentedKey && previousItem) {
    return `Mục danh sách phải bắt đầu bằng "- ". Viết lại dòng này thành: ${previousItem[1]}- ${line.trim()}`;
  }
  if (!/^[ \t]/.test(line) && !LIST_ITEM.test(line) && !KEY_VALUE.test(line) && !KEY_ONLY.test(line)) {
    if (previous !== undefined && KEY_ONLY.test(previous)) {
      return `Dòng này nằm dưới "${previous.trim()}" nhưng chưa là một mục danh sách. Viết lại dòng này thành:   - ${line.trim()}`;
    }
    return (
      `Dòng này không có dạng "tên: giá trị". Mỗi dòng trong khối ghi đè là một trường, như ${EXAMPLE_FIELD}; ` +
      'nếu dòng này là nội dung bài, hãy chuyển nó xuống dưới dòng --- đóng khối.'
    );
  }
  return null;
}

function errorLine(err: unknown, lineCount: number): number {
  const line = err instanceof yaml.YAMLException ? err.mark?.line : undefined;
  return Math.max(0, Math.min(line ?? 0, lineCount - 1));
}

/**
 * Turns js-yaml's refusal of an override block (its lines in `lines`) into one plain-Vietnamese
 * message on the line to fix. js-yaml often notices a mistake lines after it (an unclosed quote
 * at the end of the block), so the first line up to where it stopped that shows a known mistake
 * wins; without one, a general message at js-yaml's line.
 */
export function explainYamlError(lines: readonly string[], err: unknown): Mistake {
  const stop = errorLine(err, lines.length);
  if (err instanceof yaml.YAMLException && err.reason === 'duplicated mapping key') {
    const key = KEY_VALUE.exec(lines[stop]!)?.[1] ?? KEY_ONLY.exec(lines[stop]!)?.[1] ?? lines[stop]!.trim();
    return { index: stop, message: `Trường "${key}" được viết hai lần trong khối ghi đè. Hãy giữ một dòng và xoá dòng còn lại.` };
  }
  for (let index = 0; index <= stop; index++) {
    const message = lineMistake(lines, index);
    if (message !== null) return { index, message };
  }
  return {
    index: stop,
    message:
      `Khối ghi đè (giữa hai dòng ---) viết sai ở dòng này. Mỗi trường là một dòng "tên: giá trị", như ${EXAMPLE_FIELD}; ` +
      'giá trị có dấu hai chấm hay dấu ngoặc thì đặt trong dấu ngoặc kép; danh sách thì mỗi mục một dòng bắt đầu bằng "  - ".',
  };
}
