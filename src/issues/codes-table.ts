import { ISSUE_CATALOGUE, type CodeDescription, type Severity } from './catalogue.ts';

/** The comments around the README's generated table; everything between them belongs to the generator. */
export const TABLE_START = '<!-- issue-codes:start (sinh bởi scripts/docs-codes.ts, đừng sửa tay) -->';
export const TABLE_END = '<!-- issue-codes:end -->';

const SEVERITY_NAMES: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo' };

/** A cell's text with the characters that would end the cell or the row escaped. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function row(code: string, description: CodeDescription): string {
  const name = description.reportedBy === undefined ? `\`${code}\`` : `\`${code}\` (${description.reportedBy})`;
  const severity = description.severities.map((s) => SEVERITY_NAMES[s]).join(' hoặc ');
  return `| ${cell(name)} | ${severity} | ${cell(description.meaning)} | ${cell(description.fix)} |`;
}

/** The Markdown table of codes, one row per code in the catalogue's order. */
export function codesTable(catalogue: Readonly<Record<string, CodeDescription>> = ISSUE_CATALOGUE): string {
  const rows = Object.entries(catalogue).map(([code, description]) => row(code, description));
  return ['| mã | mức | nghĩa | cách sửa |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with `table` between the markers, or null when the markers are missing or out of order. */
export function withCodesTable(readme: string, table: string): string | null {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start || readme.indexOf(TABLE_START, start + 1) !== -1) return null;
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
