import { FILE_NAME } from '../parser/issue.ts';
import { guessLegacyEncoding } from './detect.ts';
import { LEGACY_ENCODING_LABELS } from './legacy.ts';
import { firstInvalidUtf8Offset } from './utf8.ts';

export type DecodeResult = { ok: true; text: string } | { ok: false; line: number; message: string };

/**
 * Strict UTF-8: a file in a legacy encoding is refused, never read as mojibake. A leading BOM is
 * kept for the parser to handle. On failure: the 1-based line of the first bad byte and a Vietnamese
 * message for the editor naming the legacy encoding the file looks like and the command that
 * converts it, with `FILE_NAME` where the file's name goes.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return { ok: false, line: lineOfOffset(bytes, offset), message: notUtf8Message(bytes, offset) };
  }
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

function hexByte(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** More well-formed non-ASCII characters than broken bytes: a UTF-8 file with a few damaged bytes. */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes);
  const broken = text.match(/\uFFFD/gu)?.length ?? 0;
  const wellFormed = text.match(/[^\p{ASCII}\uFFFD]/gu)?.length ?? 0;
  return wellFormed >= 3 && wellFormed > broken;
}

function notUtf8Message(bytes: Uint8Array, offset: number): string {
  const where = `byte ${hexByte(bytes[offset] ?? 0)} không hợp lệ`;
  const guess = guessLegacyEncoding(bytes);
  if (guess !== null) {
    return (
      `Tệp không phải UTF-8 (${where}); có vẻ là bảng mã ${LEGACY_ENCODING_LABELS[guess]}. ` +
      `Sửa: npx tsx src/cli.ts convert --from ${guess} ${FILE_NAME}`
    );
  }
  if (isMostlyUtf8(bytes)) {
    return (
      `Tệp là UTF-8 nhưng có ${where} ở dòng này (thường do dán chữ từ nguồn khác). ` +
      `Sửa: gõ lại chữ bị lỗi ở dòng này rồi lưu tệp dạng UTF-8.`
    );
  }
  return (
    `Tệp không phải UTF-8 (${where}) và không rõ là bảng mã cũ nào. ` +
    `Sửa: mở bằng Unikey → Công cụ chuyển mã để chuyển sang Unicode, hoặc mở trong trình soạn thảo và lưu lại dạng UTF-8; ` +
    `nếu biết bảng mã: npx tsx src/cli.ts convert --from windows-1258|tcvn3|vni ${FILE_NAME}`
  );
}
