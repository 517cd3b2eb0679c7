import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { filesToRead, missingReport, orderReports, readingOf, type FileReport, type Reading, type Target } from '../corpus/check-reports.ts';
import { listArticleFiles } from '../corpus/article-files.ts';
import { formatIssue, issueMessage, type Issue } from '../parser/issue.ts';
import { loadFiles } from '../corpus/load-corpus.ts';
import { UsageError, type Command } from './command.ts';
import { clockOption } from './clock.ts';
import { EMPTY_LEDGER } from '../corpus/lifecycle.ts';
import { vietnameseDateTime } from '../markup/filters.ts';

const FORMATS = ['text', 'github', 'json'] as const;
type Format = (typeof FORMATS)[number];

const DEFAULT_CONTENT = 'content';

const help = `toa-soan check [TỆP|THƯ_MỤC...] [--content THƯ_MỤC] [--format text|github|json] [--now THỜI_ĐIỂM]

Kiểm tra các bài viết và báo mọi lỗi cùng lúc (check articles; report all problems at once):
từng tệp được chỉ ra, mọi bài (.txt, .md) trong từng thư mục được chỉ ra, mặc định cả thư mục content/.
Cùng các mã lỗi và cảnh báo như lệnh build: chuyên mục lạ, ảnh thiếu hay thừa, bài trùng địa chỉ
(so với mọi bài trong thư mục bài viết).
  --content   thư mục bài viết (mặc định: content); thư mục con ngay dưới nó là chuyên mục.
              Thư mục nằm ngoài content/ được kiểm tra như một thư mục bài viết riêng.
  --format    text    TỆP:DÒNG: MÃ: lời nhắn   (mặc định)
              github  ::error file=…,line=…::…  chú thích hiện ngay trên dòng trong pull request
              json    một mảng JSON [{ file, line, severity, code, message }]
  --now       giờ để biết bài nào đã đăng, ISO 8601 (mặc định: bây giờ)

Với định dạng text và github, lệnh còn liệt kê các bài đã gỡ (unpublished: true) và các bài
đặt lịch đăng (ngày đăng sau giờ hiện tại), mỗi bài kèm giờ lên trang.

Mã thoát (exit status): 0 khi không có lỗi (có thể có cảnh báo), 1 khi có lỗi
hoặc có đường dẫn không mở được.`;

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
  return `::${kind} file=${escapeGithubProperty(file)},line=${issue.line},title=${escapeGithubProperty(issue.code)}::${escapeGithubData(issueMessage(file, issue))}`;
}

function print(format: Format, reports: readonly FileReport[]): void {
  if (format === 'json') {
    const rows = reports.flatMap(({ file, issues }) => issues.map((issue) => ({ file, ...issue, message: issueMessage(file, issue) })));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const { file, issues } of reports) {
    for (const issue of issues) process.stdout.write(`${formatLine(format, file, issue)}\n`);
  }
}

async function findTarget(given: string): Promise<Target> {
  try {
    return { path: given, kind: (await stat(given)).isDirectory() ? 'folder' : 'file' };
  } catch (error) {
    return { path: given, kind: 'missing', reason: (error as NodeJS.ErrnoException).code ?? 'lỗi' };
  }
}

async function isFolder(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => null))?.isDirectory() ?? false;
}

/**
 * Every problem of the articles under `targets`, all read the same way: with the whole content
 * folder when asked (through the parse cache), but only the targets' articles reported.
 */
async function checkTargets(targets: readonly Target[], { contentDir, wholeFolder }: Reading, now: number): Promise<{ reports: FileReport[]; checked: number; lifecycle: string[] }> {
  const reports: FileReport[] = [];
  const named: string[] = [];
  for (const target of targets) {
    if (target.kind === 'file') {
      named.push(target.path);
      continue;
    }
    try {
      named.push(...(await listArticleFiles(target.path)));
    } catch (error) {
      reports.push(missingReport({ path: target.path, kind: 'missing', reason: (error as NodeJS.ErrnoException).code ?? 'lỗi' }));
    }
  }
  const everything = wholeFolder && (await isFolder(contentDir)) ? await listArticleFiles(contentDir) : [];
  const loaded = await loadFiles(filesToRead(everything, named), contentDir, undefined, undefined, undefined, { now, ledger: EMPTY_LEDGER });
  const selected = new Set(named.map((file) => path.resolve(file)));
  const isSelected = ({ file }: { file: string }) => selected.has(path.resolve(file));
  const picked = loaded.articles.filter(isSelected);
  reports.push(...picked.map(({ file, issues }) => ({ file, issues })));
  const lifecycle = [
    ...loaded.takenDown.filter(isSelected).map(({ file, url }) => `${file}: đã gỡ (unpublished), địa chỉ ${url} báo "Bài viết đã được gỡ"`),
    ...loaded.scheduled.filter(isSelected).map(({ file, article }) => `${file}: đặt lịch, lên trang lúc ${vietnameseDateTime(article.date)}`),
  ];
  return { reports, checked: picked.length, lifecycle };
}

export const command: Command = {
  name: 'check',
  summary: 'kiểm tra bài viết (tệp hay thư mục) và báo lỗi theo từng dòng',
  help,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string', default: 'text' }, content: { type: 'string' }, now: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`định dạng "${values.format}" không có; chọn text, github hoặc json`);
    const contentDir = values.content ?? DEFAULT_CONTENT;
    const now = values.now === undefined ? Date.now() : clockOption(values.now);
    const targets = await Promise.all((positionals.length > 0 ? positionals : [contentDir]).map(findTarget));

    const reports: FileReport[] = [];
    const groups = new Map<string, { reading: Reading; targets: Target[] }>();
    for (const target of targets) {
      if (target.kind === 'missing') {
        reports.push(missingReport(target));
        continue;
      }
      const reading = readingOf(target, contentDir, values.content !== undefined);
      const key = JSON.stringify(reading);
      groups.set(key, { reading, targets: [...(groups.get(key)?.targets ?? []), target] });
    }
    let checked = 0;
    const lifecycle: string[] = [];
    for (const { reading, targets: group } of groups.values()) {
      const found = await checkTargets(group, reading, now);
      reports.push(...found.reports);
      lifecycle.push(...found.lifecycle);
      checked += found.checked;
    }

    const ordered = orderReports(reports);
    print(format, ordered);
    const issues = ordered.flatMap((report) => report.issues);
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    if (format !== 'json') {
      for (const line of lifecycle) process.stderr.write(`${line}\n`);
      process.stderr.write(`Đã kiểm tra ${checked} bài: ${errors} lỗi, ${issues.length - errors} cảnh báo.\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
