import { chooseProgress } from '../build/progress.ts';
import { UsageError, parseCommandArgs, type Command } from './command.ts';

const help = `toa-soan publish --to s3://KHO[/THƯ_MỤC] [--output THƯ_MỤC] [--endpoint ĐỊA_CHỈ] [--dry-run] [--quiet]

Đưa trang đã dựng lên kho lưu trữ kiểu S3 (AWS S3, Cloudflare R2, MinIO, DigitalOcean Spaces),
chỉ tải lên những tệp đã đổi (publish the built site to S3-compatible storage).
  --to        kho và thư mục trong kho, ví dụ s3://bao-quang-ngai hay s3://bao-quang-ngai/tin
              (mọi tệp dưới thư mục đó thuộc về trang: tệp nào trang không còn thì bị xoá,
              trừ ảnh trong img/, tên theo nội dung, không bao giờ bị xoá hay tải lên lại;
              ngoài thư mục đó không bao giờ bị đụng tới)
  --output    thư mục trang đã dựng (mặc định: _site), như lệnh build
  --endpoint  địa chỉ kho không phải AWS, ví dụ https://ID.r2.cloudflarestorage.com hay
              http://127.0.0.1:9000 (MinIO); kho được gọi theo kiểu đường dẫn (path-style)
  --dry-run   chỉ in ra tệp nào sẽ được tải lên, tệp nào sẽ bị xoá; không ghi gì vào kho
  --quiet     không in tiến độ, chỉ in lỗi

Khoá truy cập lấy từ biến môi trường AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (và
AWS_SESSION_TOKEN nếu có); vùng từ AWS_REGION (hay AWS_DEFAULT_REGION), bắt buộc khi không có
--endpoint, mặc định us-east-1 khi có.

Tệp được so bằng nội dung (MD5, tức ETag của kho), không bằng giờ sửa. Thứ tự tải lên không bao
giờ để bạn đọc gặp liên kết hỏng: tệp mới trước (ảnh, rồi trang), rồi tệp đã đổi (trang bài, rồi
trang danh sách, feed, sơ đồ trang, tệp mở đầu của tìm kiếm), xoá sau cùng. Ảnh trong img/ và tệp
chỉ mục của Pagefind (tên theo nội dung) được giữ một năm (immutable); trang, feed, sơ đồ trang
được giữ 60 giây. Chữ luôn có charset=utf-8. Lỗi 5xx và hết giờ được thử lại (tối đa 5 lần).
Cuối cùng lệnh ghi tệp .toa-soan/manifest.json.gz trong thư mục đó (điều lệnh đã biết về kho).

Ctrl+C hay SIGTERM: các yêu cầu đang chạy được làm xong, lệnh in một dòng, thoát với mã 130
(143 với SIGTERM). Lần bị dừng hay bị giết giữa chừng thì chạy lại lệnh là xong nốt.
Lỗi (kho không có, sai khoá, không kết nối được…): một dòng "MÃ: lời nhắn", mã thoát 1.`;

const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof STOP_SIGNALS;

/** An http(s) address for --endpoint, else a usage error. */
function checkedEndpoint(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--endpoint phải là một địa chỉ http:// hay https://, không phải "${text}" (bad endpoint)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--endpoint phải là một địa chỉ http:// hay https://, không phải "${text}" (bad endpoint)`);
  }
  return text;
}

export const command: Command = {
  name: 'publish',
  summary: 'đưa trang đã dựng lên kho kiểu S3 (AWS S3, R2, MinIO), chỉ tệp đã đổi',
  help,
  async run(args) {
    const { values } = parseCommandArgs({
      args,
      options: {
        to: { type: 'string' },
        output: { type: 'string', default: '_site' },
        endpoint: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
    });
    if (values.to === undefined) throw new UsageError('cần --to s3://KHO[/THƯ_MỤC] (missing --to)');
    const { parseTarget } = await import('../publish/target.ts');
    const target = parseTarget(values.to);
    if ('error' in target) throw new UsageError(target.error);
    const endpoint = values.endpoint === undefined ? undefined : checkedEndpoint(values.endpoint);
    // The project supports Node 20 with the SDK its lock file pins; the SDK's notice of a future
    // requirement would only puzzle an editor.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    // Loaded here: `toa-soan --help` lists commands without loading the AWS SDK.
    const { publishSite } = await import('../publish/publish.ts');
    const { PublishError } = await import('../publish/errors.ts');
    const progress = chooseProgress(values.quiet);
    const fail = (code: string, message: string) => {
      progress.interrupt();
      process.stderr.write(`toa-soan publish: ${code}: ${message}\n`);
      return 1;
    };

    const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      return fail('NO_CREDENTIALS', 'thiếu khoá truy cập: đặt biến môi trường AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY (trong GitHub: Settings → Secrets and variables → Actions)');
    }
    const region = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || (endpoint ? 'us-east-1' : undefined);
    if (!region) return fail('NO_REGION', 'thiếu vùng của kho AWS: đặt biến môi trường AWS_REGION, ví dụ ap-southeast-1');

    const stopper = new AbortController();
    let stopSignal: StopSignal | undefined;
    const listeners = (Object.keys(STOP_SIGNALS) as StopSignal[]).map((signal) => {
      const listener = () => {
        // A second Ctrl+C does not wait for the requests under way.
        if (stopSignal) process.exit(STOP_SIGNALS[stopSignal]);
        stopSignal = signal;
        stopper.abort();
      };
      process.on(signal, listener);
      return () => process.off(signal, listener);
    });
    const started = performance.now();
    try {
      const report = await publishSite({
        outputDir: values.output,
        target,
        endpoint,
        region,
        credentials: { accessKeyId, secretAccessKey, sessionToken: process.env.AWS_SESSION_TOKEN || undefined },
        dryRun: values['dry-run'],
        progress,
        out: process.stdout,
        stop: stopper.signal,
      });
      if (stopSignal) {
        progress.interrupt();
        process.stderr.write(
          `Đã dừng xuất bản (${stopSignal}) sau ${report.uploaded}/${report.plannedUploads} tệp tải lên; ` +
            'bạn đọc không gặp liên kết hỏng, chạy lại lệnh để xuất bản nốt.\n',
        );
        return STOP_SIGNALS[stopSignal];
      }
      if (!values['dry-run']) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        progress.line(
          `Đã xuất bản lên ${values.to}: tải lên ${report.uploaded} tệp (${(report.uploadedBytes / 1e6).toFixed(1)} MB), ` +
            `xoá ${report.deleted} tệp, ${report.unchanged} tệp không đổi, trong ${seconds} giây.`,
        );
      }
      return 0;
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      return fail(error.code, error.message);
    } finally {
      listeners.forEach((off) => off());
    }
  },
};
