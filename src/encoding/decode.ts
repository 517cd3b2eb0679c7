export type DecodeResult = { ok: true; text: string } | { ok: false; line: number; message: string };

/** Strict UTF-8: a file in a legacy encoding is refused, never read as mojibake. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    let line = 1;
    for (const byte of bytes) {
      if (byte === 0x0a) line++;
      if (byte >= 0x80) break;
    }
    return {
      ok: false,
      line,
      message:
        'Tệp không phải mã UTF-8 (có thể là bảng mã cũ như Windows-1258, TCVN3 hay VNI). Hãy chuyển sang UTF-8: npx tsx src/cli.ts convert --from tcvn3 TỆP (hoặc Unikey → Công cụ chuyển mã).',
    };
  }
}
