import { chooseProgress } from '../build/progress.ts';
import { clockOption } from './clock.ts';
import { normalizeSiteUrl } from '../render/settings.ts';
import { UsageError, type Command } from './command.ts';
import { parseSiteArgs, previousSite, siteFeaturesOfEnvironment } from './site-options.ts';

const help = `toa-soan build [--content THƯ_MỤC] [--output THƯ_MỤC] [--prefix ĐƯỜNG_DẪN] [--site-url ĐỊA_CHỈ] [--previous ĐỊA_CHỈ|THƯ_MỤC] [--now THỜI_ĐIỂM] [--no-search] [--full] [--quiet]

Dựng trang tin tĩnh từ các bài viết .txt và .md (build the static site).
  --content   thư mục bài viết (mặc định: content)
  --output    thư mục kết quả (mặc định: _site)
  --prefix    đường dẫn con khi trang nằm dưới một thư mục, ví dụ /tin/ (Eleventy pathPrefix)
  --site-url  địa chỉ công khai của trang, ví dụ https://baoquangngai.vn (mặc định: biến SITE_URL)
  --previous  trang như đã xuất bản lần trước (địa chỉ http(s), kể cả thư mục con, hay một thư mục):
              ảnh đã có bản ghi img/rec/ ở đó thì không mã hoá lại và không ghi tệp ảnh vào kết quả
              (the site as published before; without it every photo not in the cache is encoded);
              sổ địa chỉ addresses.json ở đó (hay trong thư mục kết quả) giữ mọi địa chỉ cũ của bài
  --now       giờ của lần dựng, ISO 8601 như 2016-06-12T09:00+07:00 (mặc định: bây giờ): bài đặt
              lịch đăng sau giờ đó chưa xuất hiện (the build's clock, for scheduled stories)
  --no-search không lập chỉ mục tìm kiếm (Pagefind) cho trang /tim-kiem/ (skip the search index)
  --full      dựng lại toàn bộ, không dùng lại trang đã dựng (rebuild every page)
  --quiet     không in tiến độ, chỉ in lỗi

Mọi bài được đọc trước khi dựng. Nếu có bài lỗi, lệnh in tất cả các dòng
"TỆP:DÒNG: MÃ: lời nhắn", thoát với mã 1 và giữ nguyên trang cũ trong thư mục kết quả.
Lần dựng đầu (hay với --full, hay khi mã nguồn, giao diện hoặc tuỳ chọn đổi) dựng mọi trang
trong một thư mục tạm và chỉ thay trang cũ khi dựng xong hoàn toàn. Các lần sau chỉ dựng lại
những trang có nội dung thay đổi, ngay trong thư mục kết quả (.toa-soan/state.json ghi lại
mỗi trang được làm từ gì); kết quả giống hệt một lần dựng toàn bộ.`;

export const command: Command = {
  name: 'build',
  summary: 'dựng trang tin tĩnh vào _site/',
  help,
  async run(args) {
    const values = parseSiteArgs(args, {
      'site-url': { type: 'string' },
      previous: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      now: { type: 'string' },
    } as const);
    const now = values.now === undefined ? undefined : clockOption(values.now);
    const siteUrl = values['site-url'] ?? process.env.SITE_URL;
    if (siteUrl) {
      try {
        normalizeSiteUrl(siteUrl);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    }
    const previous = values.previous === undefined ? undefined : previousSite(values.previous);
    const features = siteFeaturesOfEnvironment();
    // Loaded here, not at the top: `toa-soan --help` lists commands without starting Eleventy.
    const { buildSite } = await import('../build/build.ts');
    return buildSite({
      contentDir: values.content,
      outputDir: values.output,
      pathPrefix: values.prefix,
      search: !values['no-search'],
      full: values.full,
      now,
      siteUrl,
      previous,
      features,
      progress: chooseProgress(values.quiet),
      issues: process.stderr,
    });
  },
};
