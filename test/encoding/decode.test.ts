import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8 } from '../../src/encoding/decode.ts';
import { LEGACY_ENCODINGS, LEGACY_ENCODING_LABELS } from '../../src/encoding/legacy.ts';
import { firstInvalidUtf8Offset } from '../../src/encoding/utf8.ts';
import { FILE_NAME, formatIssue } from '../../src/parser/issue.ts';
import { encodeLegacy } from './encode-legacy.ts';
import { seed } from './fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function decodesStrictly(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('firstInvalidUtf8Offset', () => {
  const mostlyHighBytes = fc.uint8Array({ maxLength: 24 }).map((bytes) => bytes.map((b) => (b < 0x40 ? b : b | 0x80)));
  const damagedUtf8 = fc
    .tuple(fc.string({ unit: 'grapheme' }), fc.nat(), fc.integer({ min: 0, max: 255 }))
    .map(([text, at, byte]) => {
      const bytes = utf8(text);
      if (bytes.length > 0) bytes[at % bytes.length] = byte;
      return bytes;
    });

  it('agrees with a fatal TextDecoder, and everything before the offset is valid', () => {
    fc.assert(
      fc.property(fc.oneof(mostlyHighBytes, damagedUtf8), (bytes) => {
        const offset = firstInvalidUtf8Offset(bytes);
        expect(offset === -1).toBe(decodesStrictly(bytes));
        if (offset !== -1) expect(decodesStrictly(bytes.subarray(0, offset))).toBe(true);
      }),
      { seed: 8, numRuns: 2000 },
    );
  });

  it.each([
    ['overlong', [0x61, 0xc0, 0xaf], 1],
    ['surrogate', [0xed, 0xa0, 0x80], 0],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['truncated at the end', [0x61, 0x62, 0xe1, 0xba], 2],
    ['lone continuation byte', [0x61, 0x80], 1],
  ])('finds a %s sequence', (_name, bytes, offset) => {
    expect(firstInvalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
  });
});

describe('decodeUtf8', () => {
  it('returns UTF-8 text unchanged, BOM and CRLF included', () => {
    const text = '\uFEFFCập nhật lúc: 07:38, 11/06/2016\r\nĐảng ủy\r\n';
    expect(decodeUtf8(utf8(text))).toEqual({ ok: true, text });
  });

  it.each(LEGACY_ENCODINGS)('names %s and gives the convert command for a file in it', (encoding) => {
    const result = decodeUtf8(encodeLegacy(seed, encoding));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBe(1);
    expect(result.message).toContain(`có vẻ là bảng mã ${LEGACY_ENCODING_LABELS[encoding]}`);
    expect(result.message).toMatch(new RegExp(`npx tsx src/cli\\.ts convert --from ${encoding} ${FILE_NAME}$`));
    expect(result.message).toMatch(/^Tệp không phải UTF-8/);
    const printed = formatIssue('content/thời sự/bài.txt', { severity: 'error', code: 'NOT_UTF8', line: 1, message: result.message });
    expect(printed).toMatch(new RegExp(`convert --from ${encoding} 'content/thời sự/bài\\.txt'$`));
    expect(printed).not.toContain(FILE_NAME);
  });

  it('gives the line of the first byte that is not UTF-8', () => {
    const text = 'Cap nhat luc: 07:38, 11/06/2016\n.\n\nĐảng ủy Khối các cơ quan tỉnh: Tập trung hướng về cơ sở\n';
    const result = decodeUtf8(encodeLegacy(text, 'tcvn3'));
    expect(result).toMatchObject({ ok: false, line: 4 });
  });

  it('tells a UTF-8 file with one damaged byte to retype that line', () => {
    const bytes = utf8(seed);
    const lineStarts = [...bytes.keys()].filter((i) => i === 0 || bytes[i - 1] === 0x0a);
    bytes[lineStarts[4]!] = 0x96; // an en dash pasted from a Windows-1252 program, on line 5
    const result = decodeUtf8(bytes);
    expect(result).toMatchObject({ ok: false, line: 5 });
    if (!result.ok) expect(result.message).toMatch(/^Tệp là UTF-8 nhưng có byte 0x96 không hợp lệ/);
  });

  it('sends the editor to Unikey when the encoding is unclear', () => {
    const result = decodeUtf8(Uint8Array.from([0x61, 0x0a, 0x0a, 0xff, 0xfe, 0x20, 0x9d]));
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (!result.ok) {
      expect(result.message).toContain('không rõ là bảng mã cũ nào');
      expect(result.message).toContain('Unikey → Công cụ chuyển mã');
    }
  });
});
