import { copyFile, constants, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { planConversion, type SourceEncoding } from '../encoding/conversion.ts';
import { isLegacyEncoding, LEGACY_ENCODING_LABELS, LEGACY_ENCODINGS } from '../encoding/legacy.ts';
import { formatIssue } from '../parser/issue.ts';
import { UsageError, type Command } from './command.ts';

const help = `toa-soan convert [--from auto|${LEGACY_ENCODINGS.join('|')}] [--force] TỆP...

Chuyển tệp bài viết từ bảng mã cũ sang UTF-8 (convert legacy Vietnamese encodings to UTF-8 NFC):
  --from windows-1258   bảng mã Windows-1258 (CP1258, "Vietnamese (Windows)")
  --from tcvn3          TCVN3 (ABC), dùng với phông .VnTime
  --from vni            VNI Windows, dùng với phông VNI-Times
  --from auto           (mặc định) tự đoán bảng mã; từ chối nếu không chắc
  --force               vẫn chuyển khi bảng mã chỉ định có vẻ sai; với tệp đã là UTF-8: sửa chữ bảng mã cũ
                        bị đọc nhầm thành Windows-1252 (kiểu "Ñaûng uûy", "§¶ng ñy")

Mỗi tệp được ghi lại dạng UTF-8 (NFC), giữ nguyên kiểu xuống dòng; bản gốc được giữ ở TỆP.bak
(hoặc TỆP.bak.1, TỆP.bak.2... nếu đã có). Tệp bị từ chối: in "TỆP:DÒNG: MÃ: lời nhắn" ra stderr.
Mã thoát 0 nếu mọi tệp đã chuyển, 1 nếu có tệp bị từ chối hoặc không đọc được, 2 nếu dòng lệnh sai.`;

function parseOptions(args: string[]): { from: SourceEncoding; force: boolean; files: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { from: { type: 'string', default: 'auto' }, force: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { from, force } = parsed.values;
  if (from !== 'auto' && !isLegacyEncoding(from)) {
    throw new UsageError(`--from "${from}" không phải bảng mã đã biết (auto|${LEGACY_ENCODINGS.join('|')})`);
  }
  if (parsed.positionals.length === 0) throw new UsageError('cần ít nhất một tệp (at least one FILE)');
  return { from, force, files: parsed.positionals };
}

/** Copies the original beside it under the first free name: FILE.bak, FILE.bak.1, FILE.bak.2... */
async function backUp(file: string): Promise<string> {
  for (let n = 0; ; n++) {
    const backup = n === 0 ? `${file}.bak` : `${file}.bak.${n}`;
    try {
      await copyFile(file, backup, constants.COPYFILE_EXCL);
      return backup;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

async function convertFile(file: string, from: SourceEncoding, force: boolean): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'lỗi';
    process.stderr.write(`${formatIssue(file, { severity: 'error', code: 'NO_FILE', line: 1, message: `Không đọc được tệp (${reason}).` })}\n`);
    return false;
  }
  const plan = planConversion(bytes, from, force);
  if (!plan.ok) {
    process.stderr.write(`${formatIssue(file, { severity: 'error', code: plan.code, line: 1, message: plan.message })}\n`);
    return false;
  }
  let backup: string;
  try {
    backup = await backUp(file);
    await writeFile(file, plan.text, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'lỗi';
    process.stderr.write(`${formatIssue(file, { severity: 'error', code: 'WRITE_FAILED', line: 1, message: `Không ghi được tệp hoặc bản sao lưu (${reason}).` })}\n`);
    return false;
  }
  const label = LEGACY_ENCODING_LABELS[plan.encoding];
  const lost = plan.text.indexOf('\uFFFD');
  if (lost !== -1) {
    const line = plan.text.slice(0, lost).split('\n').length;
    const message = `Có byte không thuộc bảng mã ${label}, đã thay bằng "\uFFFD". Hãy sửa lại chữ ở dòng này.`;
    process.stderr.write(`${formatIssue(file, { severity: 'warning', code: 'UNDEFINED_BYTE', line, message })}\n`);
  }
  const how = plan.guessed ? `đoán là bảng mã ${label} (--from ${plan.encoding})` : `bảng mã ${label}`;
  const what = plan.repairedMisread ? 'đã sửa chữ bị đọc nhầm thành UTF-8' : 'đã chuyển sang UTF-8';
  process.stdout.write(`${file}: ${how}; ${what}, bản gốc giữ ở ${backup}\n`);
  return true;
}

export const command: Command = {
  name: 'convert',
  summary: 'chuyển tệp từ bảng mã cũ (Windows-1258, TCVN3, VNI) sang UTF-8',
  help,
  async run(args) {
    const { from, force, files } = parseOptions(args);
    let allConverted = true;
    for (const file of files) {
      if (!(await convertFile(file, from, force))) allConverted = false;
    }
    return allConverted ? 0 : 1;
  },
};
