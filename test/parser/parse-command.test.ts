import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../encoding/encode-legacy.ts';
import { seed } from '../encoding/fixtures.ts';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const STAMP = 'Cập nhật lúc: 07:38, 11/06/2016 [GMT+7]';

async function parse(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [join(ROOT, 'src/cli.ts'), 'parse', '--json', file], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const { code, stdout, stderr } = err as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'toa-soan-parse-'));
});

describe('toa-soan parse on a file with mistakes', () => {
  it('answers an override block that is a line of text with one BAD_OVERRIDE line, not a crash', async () => {
    const file = join(dir, 'khoi-la-chu.txt');
    await writeFile(file, `---\nMột dòng chữ bất kỳ.\n---\n${STAMP}\nTiêu đề\n\nSapo của bài.\n\nTHANH THUẬN\n`);
    const { code, stdout, stderr } = await parse(file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${file}:2: BAD_OVERRIDE: Khối ghi đè .*tên: giá trị`))]);
  });

  it('shows the quoted line for a title with a colon, on its file line', async () => {
    const file = join(dir, 'hai-cham.txt');
    await writeFile(file, `\n---\ntitle: Sơn Hà: Mưa lớn\n---\n${STAMP}\nTiêu đề\n\nSapo của bài.\n`);
    const { code, stderr } = await parse(file);
    expect(code).toBe(1);
    expect(stderr.trimEnd()).toMatch(new RegExp(`^${file}:3: BAD_OVERRIDE: .*viết lại dòng này thành: title: "Sơn Hà: Mưa lớn"$`));
  });

  it('names the file itself in the convert command for a legacy-encoded file', async () => {
    const file = join(dir, 'bảng mã cũ.txt');
    await writeFile(file, encodeLegacy(seed, 'vni'));
    const { code, stderr } = await parse(file);
    expect(code).toBe(1);
    const line = stderr.trimEnd();
    expect(line.startsWith(`${file}:1: NOT_UTF8: Tệp không phải UTF-8 (byte 0x`)).toBe(true);
    expect(line.endsWith(`có vẻ là bảng mã VNI Windows. Sửa: npx tsx src/cli.ts convert --from vni '${file}'`)).toBe(true);
  });
});
