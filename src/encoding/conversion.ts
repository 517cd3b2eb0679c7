import { guessLegacyEncoding, scoreEncoding } from './detect.ts';
import { decodeLegacy, LEGACY_ENCODING_LABELS, LEGACY_ENCODINGS, type LegacyEncoding } from './legacy.ts';
import { guessMisreadLegacyEncoding, windows1252Bytes } from './mojibake.ts';

export type SourceEncoding = LegacyEncoding | 'auto';

export type ConversionPlan =
  | {
      ok: true;
      text: string;
      encoding: LegacyEncoding;
      /** The encoding was guessed (`--from auto`). */
      guessed: boolean;
      /** The file was UTF-8 holding legacy text read as Windows-1252 ("Ñaûng"), and that was undone. */
      repairedMisread: boolean;
    }
  | { ok: false; code: 'ALREADY_UTF8' | 'ENCODING_UNSURE' | 'ENCODING_MISMATCH'; message: string };

const CHOICES = LEGACY_ENCODINGS.join('|');

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * What converting one file's bytes to UTF-8 NFC would give, or why the file is refused. Refused:
 * a file already in UTF-8, a guess that is not convincing, and a stated encoding that the bytes
 * clearly contradict. `force` overrules the first and the last. Forcing a UTF-8 file converts the
 * legacy text hidden in it when it was misread as Windows-1252, else its raw bytes.
 */
export function planConversion(bytes: Uint8Array, from: SourceEncoding, force: boolean): ConversionPlan {
  const utf8Text = strictUtf8(bytes);
  if (utf8Text === null) return planLegacyBytes(bytes, from, force);

  const misread = windows1252Bytes(utf8Text);
  const misreadGuess = guessMisreadLegacyEncoding(utf8Text);
  if (!force) {
    const hint =
      misreadGuess === null
        ? `Nếu chữ trong tệp vẫn sai, chạy lại với --force --from ${CHOICES}.`
        : `Nhưng chữ trong tệp có vẻ là bảng mã ${LEGACY_ENCODING_LABELS[misreadGuess]} bị đọc nhầm ` +
          `(kiểu "Ñaûng", "§¶ng"); chạy lại với --force để sửa.`;
    return { ok: false, code: 'ALREADY_UTF8', message: `Tệp đã là UTF-8 hợp lệ, không cần chuyển. ${hint}` };
  }
  if (from === 'auto') {
    if (misread === null || misreadGuess === null) {
      return {
        ok: false,
        code: 'ENCODING_UNSURE',
        message: `Tệp đã là UTF-8 và không thấy chữ bảng mã cũ bị đọc nhầm trong đó. Nếu vẫn muốn chuyển, chỉ rõ --from ${CHOICES}.`,
      };
    }
    return { ok: true, text: decodeLegacy(misread, misreadGuess), encoding: misreadGuess, guessed: true, repairedMisread: true };
  }
  const repair = misread !== null && scoreEncoding(misread, from).share >= scoreEncoding(bytes, from).share;
  const source = repair ? misread : bytes;
  return { ok: true, text: decodeLegacy(source, from), encoding: from, guessed: false, repairedMisread: repair };
}

function planLegacyBytes(bytes: Uint8Array, from: SourceEncoding, force: boolean): ConversionPlan {
  if (from === 'auto') {
    const guess = guessLegacyEncoding(bytes);
    if (guess === null) {
      return {
        ok: false,
        code: 'ENCODING_UNSURE',
        message: `Không đoán chắc được bảng mã của tệp. Hãy chỉ rõ --from ${CHOICES}, hoặc dùng Unikey → Công cụ chuyển mã.`,
      };
    }
    return { ok: true, text: decodeLegacy(bytes, guess), encoding: guess, guessed: true, repairedMisread: false };
  }
  const guess = force ? null : guessLegacyEncoding(bytes);
  if (guess !== null && guess !== from) {
    return {
      ok: false,
      code: 'ENCODING_MISMATCH',
      message:
        `Tệp có vẻ là bảng mã ${LEGACY_ENCODING_LABELS[guess]}, không phải ${LEGACY_ENCODING_LABELS[from]}. ` +
        `Dùng --from ${guess} (hoặc thêm --force để vẫn chuyển theo ${from}).`,
    };
  }
  return { ok: true, text: decodeLegacy(bytes, from), encoding: from, guessed: false, repairedMisread: false };
}
