import { UsageError, type Command } from './command.ts';
import { parseSiteArgs } from './site-options.ts';

const help = `toa-soan serve [--content THƯ_MỤC] [--output THƯ_MỤC] [--port CỔNG] [--prefix ĐƯỜNG_DẪN]

Xem trước trang khi biên tập (preview server with live reload): dựng trang vào thư mục kết quả,
mở máy chủ tại http://localhost:CỔNG/ và tự tải lại trang mỗi khi một bài .txt hay ảnh thay đổi.
  --content   thư mục bài viết (mặc định: content)
  --output    thư mục kết quả (mặc định: _site)
  --port      cổng máy chủ (mặc định: 8080)
  --prefix    đường dẫn con, ví dụ /tin/

Bài có lỗi được báo "TỆP:DÒNG: MÃ: lời nhắn" và tạm bỏ qua; máy chủ vẫn chạy. Dừng bằng Ctrl+C.
Địa chỉ công khai lấy từ biến SITE_URL.`;

export const command: Command = {
  name: 'serve',
  summary: 'xem trước trang, tự tải lại khi sửa bài',
  help,
  async run(args) {
    const values = parseSiteArgs(args, { port: { type: 'string', default: '8080' } } as const);
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`cổng "${values.port}" không hợp lệ (invalid port)`);
    const { serveSite } = await import('../site/serve.ts');
    await serveSite({ contentDir: values.content, outputDir: values.output, port, pathPrefix: values.prefix });
    // The server keeps the process alive until Ctrl+C.
    return 0;
  },
};
