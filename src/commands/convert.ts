import { copyFile, constants, link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { planConversion, type SourceEncoding } from '../encoding/conversion.ts';
import { isLegacyEncoding, LEGACY_ENCODING_LABELS, LEGACY_ENCODINGS } from '../encoding/legacy.ts';
import { formatIssue } from '../parser/issue.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

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
Mỗi tệp được ghi trọn vẹn hoặc không ghi gì. Ctrl+C (SIGINT) hay SIGTERM: dừng sau tệp đang chuyển.
Mã thoát 0 nếu mọi tệp đã chuyển, 1 nếu có tệp bị từ chối hoặc không đọc được, 2 nếu dòng lệnh sai.`;

function parseOptions(args: string[]): { from: SourceEncoding; force: boolean; files: string[] } {
  const parsed = parseCommandArgs({
    args,
    options: { from: { type: 'string', default: 'auto' }, force: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const { from, force } = parsed.values;
  if (from !== 'auto' && !isLegacyEncoding(from)) {
    throw new UsageError(`--from "${from}" không phải bảng mã đã biết (auto|${LEGACY_ENCODINGS.join('|')})`);
  }
  if (parsed.positionals.length === 0) throw new UsageError('cần ít nhất một tệp (at least one FILE)');
  return { from, force, files: parsed.positionals };
}

// Hard links are refused by some file systems (FAT, some network shares); there the backup is copied.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV']);

/**
 * Keeps the original beside it under the first free name: FILE.bak, FILE.bak.1, FILE.bak.2... A hard
 * link appears whole or not at all and never replaces an existing backup; the original's bytes stay
 * under it once the converted file is renamed over FILE.
 */
async function backUp(file: string): Promise<string> {
  for (let n = 0; ; n++) {
    const backup = n === 0 ? `${file}.bak` : `${file}.bak.${n}`;
    try {
      await link(file, backup).catch((err: NodeJS.ErrnoException) => {
        if (!NO_HARD_LINKS.has(err.code ?? '')) throw err;
        return copyFile(file, backup, constants.COPYFILE_EXCL);
      });
      return backup;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** The hidden sibling a converted file is written to before it replaces the original (git-ignored). */
export function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.convert-tmp`);
}

/**
 * Writes `text` to a temporary sibling, flushed to disk, then renames it over `file`: an interrupted
 * or killed run leaves the old file or the new one, never half of one. A temporary left by a killed
 * run is replaced, and never followed if something else (a link) stands at its name.
 */
async function replaceWhole(file: string, text: string): Promise<void> {
  const temporary = temporaryName(file);
  await rm(temporary, { force: true });
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx', flush: true });
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
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
    await replaceWhole(file, plan.text);
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

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof SIGNALS)[number];

/**
 * Until disposed, SIGINT and SIGTERM ask the run to stop after the file it is converting. A repeated
 * signal changes nothing: tsx passes Ctrl+C on to this process even when the terminal already sent
 * it here, so one keypress can arrive twice.
 */
function stopOnSignal(): { readonly signal: StopSignal | null; dispose(): void } {
  const state = { signal: null as StopSignal | null };
  const onSignal = (signal: StopSignal) => {
    state.signal ??= signal;
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    get signal() {
      return state.signal;
    },
    dispose: () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}

/** The shell's convention for a process ended by a signal: 128 + its number. */
function exitCodeFor(signal: StopSignal): number {
  return 128 + osConstants.signals[signal];
}

function stopped(signal: StopSignal, done: number, total: number): number {
  process.stderr.write(`toa-soan convert: đã dừng vì nhận ${signal}, sau ${done}/${total} tệp; ${total - done} tệp còn lại chưa được chuyển.\n`);
  return exitCodeFor(signal);
}

export const command: Command = {
  name: 'convert',
  summary: 'chuyển tệp từ bảng mã cũ (Windows-1258, TCVN3, VNI) sang UTF-8',
  help,
  async run(args) {
    const { from, force, files } = parseOptions(args);
    const stop = stopOnSignal();
    try {
      let allConverted = true;
      for (const [done, file] of files.entries()) {
        if (stop.signal !== null) return stopped(stop.signal, done, files.length);
        if (!(await convertFile(file, from, force))) allConverted = false;
      }
      if (stop.signal !== null) return stopped(stop.signal, files.length, files.length);
      return allConverted ? 0 : 1;
    } finally {
      stop.dispose();
    }
  },
};
