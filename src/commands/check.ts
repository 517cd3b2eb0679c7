import { parseArgs } from 'node:util';
import { checkReports, type FileReport } from '../check.ts';
import { listArticleFiles, readArticleFiles } from '../load.ts';
import { formatIssue, type Issue } from '../parser/issue.ts';
import { UsageError, type Command } from './command.ts';

const FORMATS = ['text', 'github', 'json'] as const;
type Format = (typeof FORMATS)[number];

const help = `toa-soan check [THƯ_MỤC] [--format text|github|json]

Kiểm tra mọi tệp .txt trong THƯ_MỤC (mặc định content/) và báo mọi lỗi cùng lúc
(check every article file below DIR, default content/; report all problems at once):
  text    TỆP:DÒNG: MÃ: lời nhắn   (mặc định)
  github  ::error file=…,line=…::…  chú thích hiện ngay trên dòng trong pull request
  json    một mảng JSON [{ file, line, severity, code, message }]

Mã thoát (exit status): 0 khi không có lỗi (có thể có cảnh báo), 1 khi có lỗi.`;

// GitHub's workflow-command syntax: properties and data escape these characters.
function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function formatLine(format: Exclude<Format, 'json'>, file: string, issue: Issue): string {
  if (format === 'text') return formatIssue(file, issue);
  const kind = issue.severity === 'error' ? 'error' : 'warning';
  return `::${kind} file=${escapeGithubProperty(file)},line=${issue.line},title=${escapeGithubProperty(issue.code)}::${escapeGithubData(issue.message)}`;
}

function print(format: Format, reports: readonly FileReport[]): void {
  if (format === 'json') {
    const rows = reports.flatMap(({ file, issues }) => issues.map((issue) => ({ file, ...issue })));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const { file, issues } of reports) {
    for (const issue of issues) process.stdout.write(`${formatLine(format, file, issue)}\n`);
  }
}

export const command: Command = {
  name: 'check',
  summary: 'kiểm tra mọi bài viết và báo lỗi theo từng dòng',
  help,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string', default: 'text' } },
      allowPositionals: true,
      strict: true,
    });
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`định dạng "${values.format}" không có; chọn text, github hoặc json`);
    if (positionals.length > 1) throw new UsageError('chỉ nhận một thư mục (at most one DIR)');
    const dir = positionals[0] ?? 'content';
    let files: string[];
    try {
      files = await listArticleFiles(dir);
    } catch {
      process.stderr.write(`toa-soan check: không mở được thư mục "${dir}".\n`);
      return 1;
    }
    const results = await readArticleFiles(files);
    const reports = checkReports(results, dir);
    print(format, reports);
    const issues = reports.flatMap((report) => report.issues);
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    if (format !== 'json') {
      process.stderr.write(`Đã kiểm tra ${files.length} bài: ${errors} lỗi, ${issues.length - errors} cảnh báo.\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
