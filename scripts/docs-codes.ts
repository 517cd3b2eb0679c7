/**
 * Rewrites the README's table of issue codes from the catalogue (`src/issues/catalogue.ts`).
 * With --check it only says whether the table is current, for tests and CI.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { codesTable, TABLE_END, TABLE_START, withCodesTable } from '../src/issues/codes-table.ts';

const USAGE = 'Cách dùng (usage): npx tsx scripts/docs-codes.ts [--check] [README.md]';

function run(argv: string[]): number {
  let options;
  try {
    options = parseArgs({ args: argv, options: { check: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`docs-codes: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.positionals.length > 1) {
    process.stderr.write(`docs-codes: chỉ nhận một tệp README (one file at most)\n${USAGE}\n`);
    return 2;
  }
  const readmePath = options.positionals[0] ?? path.join(import.meta.dirname, '..', 'README.md');
  let readme: string;
  try {
    readme = readFileSync(readmePath, 'utf8');
  } catch (error) {
    process.stderr.write(`${readmePath}: không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? 'lỗi'})\n`);
    return 1;
  }
  const updated = withCodesTable(readme, codesTable());
  if (updated === null) {
    process.stderr.write(`${readmePath}: không thấy đúng một cặp dòng đánh dấu ${TABLE_START} … ${TABLE_END}\n`);
    return 1;
  }
  if (updated === readme) return 0;
  if (options.values.check) {
    process.stderr.write(`${readmePath}: bảng mã lỗi khác danh mục trong src/issues/catalogue.ts; chạy npx tsx scripts/docs-codes.ts\n`);
    return 1;
  }
  // Written beside and renamed over, so an interrupted run leaves the old README whole.
  const temporary = `${readmePath}.${process.pid}.tmp`;
  writeFileSync(temporary, updated);
  renameSync(temporary, readmePath);
  process.stdout.write(`${readmePath}: đã viết lại bảng mã lỗi\n`);
  return 0;
}

process.exitCode = run(process.argv.slice(2));
