import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planConversion } from '../../src/encoding/conversion.ts';
import { LEGACY_ENCODINGS, LEGACY_ENCODING_LABELS } from '../../src/encoding/legacy.ts';
import { guessMisreadLegacyEncoding, windows1252Bytes } from '../../src/encoding/mojibake.ts';
import { encodeLegacy } from './encode-legacy.ts';
import { seed } from './fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** What a program that reads every file as Windows-1252 and saves as UTF-8 makes of legacy bytes. */
const misreadAsWindows1252 = (bytes: Uint8Array) => utf8(new TextDecoder('windows-1252').decode(bytes));

describe.each(LEGACY_ENCODINGS)('planConversion of a %s file', (encoding) => {
  const bytes = encodeLegacy(seed, encoding);

  it('guesses the encoding with --from auto and gives the UTF-8 text', () => {
    expect(planConversion(bytes, 'auto', false)).toEqual({
      ok: true,
      text: seed,
      encoding,
      guessed: true,
      repairedMisread: false,
    });
  });

  it('uses the stated encoding', () => {
    expect(planConversion(bytes, encoding, false)).toMatchObject({ ok: true, text: seed, guessed: false });
  });

  it('refuses a stated encoding that the bytes contradict, unless forced', () => {
    const wrong = LEGACY_ENCODINGS.find((other) => other !== encoding)!;
    const refused = planConversion(bytes, wrong, false);
    expect(refused).toMatchObject({ ok: false, code: 'ENCODING_MISMATCH' });
    if (!refused.ok) expect(refused.message).toContain(`Dùng --from ${encoding}`);
    expect(planConversion(bytes, wrong, true)).toMatchObject({ ok: true, encoding: wrong });
  });

  it('refuses the text once misread as Windows-1252 and saved as UTF-8, and repairs it when forced', () => {
    const misread = misreadAsWindows1252(bytes);
    const refused = planConversion(misread, 'auto', false);
    expect(refused).toMatchObject({ ok: false, code: 'ALREADY_UTF8' });
    if (!refused.ok) expect(refused.message).toContain(`có vẻ là bảng mã ${LEGACY_ENCODING_LABELS[encoding]} bị đọc nhầm`);
    const repaired = { ok: true, text: seed, encoding, repairedMisread: true };
    expect(planConversion(misread, 'auto', true)).toMatchObject({ ...repaired, guessed: true });
    expect(planConversion(misread, encoding, true)).toMatchObject({ ...repaired, guessed: false });
  });
});

describe('planConversion refuses', () => {
  it('a real UTF-8 article, and cannot guess one even when forced', () => {
    const bytes = utf8(seed);
    const refused = planConversion(bytes, 'auto', false);
    expect(refused).toMatchObject({ ok: false, code: 'ALREADY_UTF8' });
    if (!refused.ok) expect(refused.message).not.toContain('bị đọc nhầm');
    expect(planConversion(bytes, 'auto', true)).toMatchObject({ ok: false, code: 'ENCODING_UNSURE' });
  });

  it('to guess bytes that read as no Vietnamese', () => {
    const refused = planConversion(Uint8Array.from([0xff, 0xfe, 0x20, 0x9d, 0x81, 0x0a, 0xc3]), 'auto', false);
    expect(refused).toMatchObject({ ok: false, code: 'ENCODING_UNSURE' });
    if (!refused.ok) expect(refused.message).toContain('Unikey → Công cụ chuyển mã');
  });
});

describe('windows1252Bytes', () => {
  it('gives back any bytes from their Windows-1252 reading', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(windows1252Bytes(new TextDecoder('windows-1252').decode(bytes))).toEqual(bytes);
      }),
      { seed: 1252 },
    );
  });

  it('is null for real Vietnamese text', () => {
    expect(windows1252Bytes(seed)).toBeNull();
  });
});

describe('guessMisreadLegacyEncoding', () => {
  it.each(LEGACY_ENCODINGS)('names %s in text misread as Windows-1252', (encoding) => {
    const text = new TextDecoder('windows-1252').decode(encodeLegacy(seed, encoding));
    expect(guessMisreadLegacyEncoding(text)).toBe(encoding);
    expect(guessMisreadLegacyEncoding(`\uFEFF${text}`)).toBe(encoding);
  });

  it('is null for real Vietnamese and for plain ASCII', () => {
    expect(guessMisreadLegacyEncoding(seed)).toBeNull();
    expect(guessMisreadLegacyEncoding('Cap nhat luc: 07:38')).toBeNull();
  });
});
