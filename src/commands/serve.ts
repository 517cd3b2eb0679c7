import path from 'node:path';
import { UsageError, type Command } from './command.ts';
import { parseSiteArgs, siteFeaturesOfEnvironment } from './site-options.ts';

const help = `toa-soan serve [--content THƯ_MỤC] [--port CỔNG] [--host ĐỊA_CHỈ] [--prefix ĐƯỜNG_DẪN] [--output THƯ_MỤC]

Xem trước trang khi biên tập (preview server with live reload): dựng trang vào thư mục riêng của
bản xem trước, mở máy chủ tại http://127.0.0.1:CỔNG/ và tự tải lại trang mỗi khi một bài .txt hay .md, một ảnh
hay một mẫu trang (templates/, cả style.css) được lưu, dù trình soạn thảo ghi tệp theo cách nào.
  --content   thư mục bài viết (mặc định: content)
  --port      cổng máy chủ (mặc định: 8080)
  --host      địa chỉ máy chủ nghe (mặc định: 127.0.0.1, chỉ máy này xem được). --host 0.0.0.0
              cho mọi máy trong mạng xem bản xem trước, kể cả bài chưa đăng: chỉ dùng khi cần.
  --prefix    đường dẫn con, ví dụ /tin/
  --output    thư mục của bản xem trước (mặc định: .cache/serve/CỔNG); bị xoá và dựng lại mỗi lần
              chạy, không phải _site/: bản xem trước không bao giờ ghi đè trang để xuất bản.

Bài có lỗi được báo "TỆP:DÒNG: MÃ: lời nhắn" và tạm bỏ qua; máy chủ vẫn chạy. Dừng bằng Ctrl+C
(hay SIGTERM): mọi tiến trình dừng, cổng được giải phóng, mã thoát 130 (hay 143).
Địa chỉ công khai lấy từ biến SITE_URL.`;

export const command: Command = {
  name: 'serve',
  summary: 'xem trước trang, tự tải lại khi sửa bài',
  help,
  async run(args) {
    const values = parseSiteArgs(args, {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      // No default here: the preview's folder depends on the port.
      output: { type: 'string' },
    } as const);
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`cổng "${values.port}" không hợp lệ (invalid port)`);
    if (values.host === '') throw new UsageError('--host cần một địa chỉ, ví dụ 127.0.0.1 (missing host)');
    const features = siteFeaturesOfEnvironment();
    const { defaultPreviewDir, serveSite, ServeError } = await import('../serve/serve.ts');
    const outputDir = values.output ?? defaultPreviewDir(port);
    const refused = unsafePreviewFolder(outputDir, values.content);
    if (refused) throw new UsageError(refused);
    try {
      const status = await serveSite({ contentDir: values.content, outputDir, port, host: values.host, pathPrefix: values.prefix, siteUrl: process.env.SITE_URL, features });
      // A worker or a connection still closing must not keep a stopped server's process alive.
      process.exit(status);
    } catch (error) {
      if (!(error instanceof ServeError)) throw error;
      process.stderr.write(`toa-soan serve: ${error.message}\n`);
      return 1;
    }
  },
};

/**
 * Why `outputDir` must not be the preview's folder, which is emptied on every start: the content
 * folder, a folder inside it, the working folder or a folder holding either, or the build's `_site/`.
 */
export function unsafePreviewFolder(outputDir: string, contentDir: string): string | null {
  const output = path.resolve(outputDir);
  const content = path.resolve(contentDir);
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}${path.sep}`);
  if (within(content, output) || within(process.cwd(), output)) {
    return `--output "${outputDir}" chứa bài viết hay thư mục đang làm việc, mà thư mục xem trước bị xoá mỗi lần chạy; chọn một thư mục riêng`;
  }
  if (within(output, content)) return `--output "${outputDir}" nằm trong thư mục bài viết; chọn một thư mục ngoài đó`;
  if (output === path.resolve('_site')) return `--output "${outputDir}" là thư mục trang để xuất bản; bản xem trước dùng thư mục riêng`;
  return null;
}
