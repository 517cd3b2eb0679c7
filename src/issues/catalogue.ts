/**
 * Every issue code the tools report, in one place: its severity, what it means and how an editor fixes it.
 * Tools match the stable English code; editors read the Vietnamese. The message with the details of one
 * case stays where the issue is found; this is what the code means in every case, and the README's table
 * of codes is generated from it (`npx tsx scripts/docs-codes.ts`).
 *
 * This module imports nothing, so the pure parser and every other stage can depend on it.
 */

export type Severity = 'error' | 'warning';

export interface CodeDescription {
  /** The severities the code is reported with; some codes are an error in one case and a warning in another. */
  readonly severities: readonly Severity[];
  /** What the code means, in Vietnamese. */
  readonly meaning: string;
  /** How an editor fixes it, in Vietnamese. */
  readonly fix: string;
  /** The commands that report it, in Vietnamese, when not every command that reads articles does. */
  readonly reportedBy?: string;
}

export const ISSUE_CATALOGUE = {
  EMPTY_FILE: {
    severities: ['error'],
    meaning: 'tệp rỗng',
    fix: 'dán toàn văn bài',
  },
  NOT_UTF8: {
    severities: ['error'],
    meaning: 'tệp không phải UTF-8 (bảng mã cũ)',
    fix: 'chuyển mã như lời nhắn chỉ dẫn',
  },
  MISREAD_ENCODING: {
    severities: ['error'],
    meaning: 'chữ bị lỗi phông: tệp bảng mã cũ bị lưu lại thành UTF-8 mà không chuyển mã',
    fix: 'chạy lệnh `convert --force --from …` trong lời nhắn',
  },
  NO_DATE: {
    severities: ['error'],
    meaning: 'không có dòng thời gian, không có `date:`',
    fix: 'thêm dòng `Cập nhật lúc: …`',
  },
  BAD_TIMESTAMP: {
    severities: ['error'],
    meaning: 'ngày giờ sai mẫu hoặc không có thật (31/02, 25:00)',
    fix: 'sửa ngày giờ',
  },
  BAD_OVERRIDE: {
    severities: ['error'],
    meaning: 'khối ghi đè sai',
    fix: 'sửa trường được chỉ ra',
  },
  BAD_TAG: {
    severities: ['error'],
    meaning: 'chủ đề trong `tags:` quá dài (hơn 40 ký tự) hay không có chữ nào',
    fix: 'đặt tên chủ đề ngắn, vài chữ, như `Bão số 4`',
  },
  BAD_CORRECTION: {
    severities: ['error'],
    meaning: 'một mục của `corrections:` thiếu ngày (`date`) hay nội dung (`text`), hoặc ngày không đọc được',
    fix: 'viết mỗi đính chính với `date: 2016-06-12 09:00` và `text: …`',
  },
  BAD_ALIAS: {
    severities: ['error'],
    meaning: 'một địa chỉ cũ trong `aliases:` không phải đường dẫn trong trang, hoặc là địa chỉ của một bài khác',
    fix: 'viết đường dẫn bắt đầu bằng `/`, như `/2016/06/ten-cu/`, và chỉ của chính bài này',
  },
  ADDRESS_TAKEN: {
    severities: ['warning'],
    meaning: 'địa chỉ bài muốn dùng đã từng là địa chỉ của một bài khác (một địa chỉ không bao giờ được trao cho bài khác), nên bài được đặt ở địa chỉ có thêm `-2`',
    fix: 'không cần sửa; muốn địa chỉ khác thì đặt `slug:` trong khối ghi đè',
  },
  NO_TITLE: {
    severities: ['error'],
    meaning: 'thiếu tiêu đề',
    fix: 'thêm dòng tiêu đề',
  },
  NO_LEAD: {
    severities: ['error'],
    meaning: 'thiếu sapo',
    fix: 'thêm đoạn sapo sau tiêu đề',
  },
  NO_BYLINE: {
    severities: ['warning'],
    meaning: 'không thấy dòng tác giả',
    fix: 'thêm dòng tác giả hoặc `author:`',
  },
  LONG_HEADING: {
    severities: ['warning'],
    meaning: 'tiêu đề phụ dài, có thể là câu thiếu dấu chấm',
    fix: 'thêm dấu chấm nếu là câu văn',
  },
  REPEATED_LINE: {
    severities: ['warning'],
    meaning: 'một dòng lặp lại ba lần',
    fix: 'xoá dòng thừa',
  },
  UNKNOWN_OVERRIDE: {
    severities: ['error', 'warning'],
    meaning: 'trường ghi đè lạ: lỗi khi tên gần giống một trường có thật (`titel` → `title`), cảnh báo khi khác hẳn',
    fix: 'sửa tên trường như lời nhắn gợi ý, hoặc xoá dòng',
  },
  OVERRIDE_HEADING_NOT_FOUND: {
    severities: ['warning'],
    meaning: 'tiêu đề phụ trong khối ghi đè không khớp dòng nào',
    fix: 'chép đúng nguyên văn dòng đó',
  },
  MARKDOWN_IMAGE: {
    severities: ['warning'],
    meaning:
      'ảnh trong bài Markdown viết sai cách: nằm giữa chữ, không có chú thích, hay chỉ tới nơi khác mà không phải tệp đặt cạnh bài; trang hiện chú thích thay cho ảnh',
    fix: 'viết ảnh thành một đoạn riêng `![Chú thích](TÊN-BÀI-1.jpg)`, tệp ảnh đặt cạnh bài',
  },
  DUPLICATE_SLUG: {
    severities: ['warning'],
    meaning: 'hai bài trùng địa chỉ trong một tháng',
    fix: 'đặt `slug:` riêng',
    reportedBy: 'lệnh `check`, `build`, `serve`',
  },
  NO_FILE: {
    severities: ['error'],
    meaning: 'không có hay không đọc được tệp, thư mục được chỉ ra',
    fix: 'sửa đường dẫn, quyền đọc tệp',
  },
  UNKNOWN_SECTION: {
    severities: ['warning'],
    meaning: 'thư mục (hay `section:`) không có trong `templates/_data/sections.json`',
    fix: 'thêm tên chuyên mục vào tệp đó, hoặc chuyển bài sang thư mục có sẵn',
    reportedBy: 'lệnh `check`, `build`, `serve`',
  },
  MISSING_PHOTO: {
    severities: ['warning'],
    meaning:
      'một ảnh không có tệp (tệp khai trong `photos:`, hay `TÊN-BÀI-k.jpg` khi bài có tệp ảnh khác); trang chỉ hiện chú thích',
    fix: 'đặt tệp ảnh đúng tên cạnh bài, hoặc đổi tên tệp đã thấy như lời nhắn',
    reportedBy: 'lệnh `check`, `build`, `serve`',
  },
  UNUSED_PHOTO: {
    severities: ['warning'],
    meaning: 'tệp ảnh của bài mà không ảnh nào dùng (sai tên, thừa ảnh, hai tệp cho một ảnh)',
    fix: 'đổi tên hay xoá tệp, hoặc thêm dòng chú thích cho ảnh',
    reportedBy: 'lệnh `check`, `build`, `serve`',
  },
  BAD_PHOTO: {
    severities: ['error'],
    meaning: 'tệp ảnh hỏng, không đọc được (chỉ khi dựng trang mới mở ảnh)',
    fix: 'thay bằng tệp JPEG, PNG hay WebP hợp lệ',
    reportedBy: 'lệnh `build`, `serve`',
  },
  ALREADY_UTF8: {
    severities: ['error'],
    meaning: 'tệp đã là UTF-8, không cần chuyển mã',
    fix: 'để nguyên tệp; nếu chữ bị lỗi phông, thêm `--force` như lời nhắn',
    reportedBy: 'lệnh `convert`',
  },
  ENCODING_UNSURE: {
    severities: ['error'],
    meaning: 'không đoán chắc được bảng mã của tệp',
    fix: 'chỉ rõ bảng mã bằng `--from`',
    reportedBy: 'lệnh `convert`',
  },
  ENCODING_MISMATCH: {
    severities: ['error'],
    meaning: 'bảng mã chỉ định bằng `--from` có vẻ sai',
    fix: 'dùng `--from` như lời nhắn gợi ý, hoặc thêm `--force` để vẫn chuyển',
    reportedBy: 'lệnh `convert`',
  },
  UNDEFINED_BYTE: {
    severities: ['warning'],
    meaning: 'byte không thuộc bảng mã cũ, đã thay bằng `�`',
    fix: 'sửa lại chữ ở dòng đó',
    reportedBy: 'lệnh `convert`',
  },
  WRITE_FAILED: {
    severities: ['error'],
    meaning: 'không ghi được tệp hay bản sao lưu',
    fix: 'kiểm tra quyền ghi, chỗ trống trên đĩa',
    reportedBy: 'lệnh `convert`',
  },
  NO_SITE: {
    severities: ['error'],
    meaning: 'thư mục chỉ ra không phải trang đã dựng (không có `index.html`)',
    fix: 'chạy `build` trước, hay sửa `--output`',
    reportedBy: 'lệnh `publish`',
  },
  NO_CREDENTIALS: {
    severities: ['error'],
    meaning: 'thiếu khoá truy cập kho',
    fix: 'đặt biến `AWS_ACCESS_KEY_ID` và `AWS_SECRET_ACCESS_KEY` (trong GitHub: secrets)',
    reportedBy: 'lệnh `publish`',
  },
  NO_REGION: {
    severities: ['error'],
    meaning: 'thiếu vùng của kho AWS',
    fix: 'đặt biến `AWS_REGION`, hoặc chỉ ra `--endpoint` cho kho không phải AWS',
    reportedBy: 'lệnh `publish`',
  },
  NO_CONNECTION: {
    severities: ['error'],
    meaning: 'không kết nối được tới kho (sai địa chỉ, mất mạng, hết giờ)',
    fix: 'kiểm tra `--endpoint` và mạng, rồi chạy lại',
    reportedBy: 'lệnh `publish`',
  },
  ACCESS_DENIED: {
    severities: ['error'],
    meaning: 'kho từ chối khoá truy cập',
    fix: 'kiểm tra khoá, và quyền liệt kê, đọc, ghi, xoá của khoá trong kho đó',
    reportedBy: 'lệnh `publish`',
  },
  NO_BUCKET: {
    severities: ['error'],
    meaning: 'không có kho mang tên trong `--to`',
    fix: 'tạo kho trước, hay sửa tên kho',
    reportedBy: 'lệnh `publish`',
  },
  STORE_ERROR: {
    severities: ['error'],
    meaning: 'kho báo lỗi khác, kể cả sau khi đã thử lại',
    fix: 'chạy lại lệnh: lần sau làm nốt phần còn lại',
    reportedBy: 'lệnh `publish`',
  },
} as const satisfies Record<string, CodeDescription>;

export type IssueCode = keyof typeof ISSUE_CATALOGUE;

/** Every code, in the catalogue's order (the order of the README's table). */
export const ISSUE_CODES = Object.keys(ISSUE_CATALOGUE) as IssueCode[];

/** The codes the catalogue allows with severity `S`, so reporting a code at a severity it does not have is a type error. */
export type IssueCodeWith<S extends Severity> = {
  [C in IssueCode]: S extends (typeof ISSUE_CATALOGUE)[C]['severities'][number] ? C : never;
}[IssueCode];
