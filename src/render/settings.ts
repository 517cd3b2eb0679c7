/**
 * The site's settings, in one place. Everything a page says about the paper itself comes from here.
 * The public address comes from `SITE_URL` (or `build --site-url`), so a staging build can point elsewhere.
 */
export interface SiteSettings {
  name: string;
  /** Public origin, ending in `/`, e.g. `https://baoquangngai.vn/`; a sub-path is the build's path prefix. */
  url: string;
  description: string;
  language: 'vi';
  /** Open Graph locale. */
  locale: 'vi_VN';
  timeZone: 'Asia/Ho_Chi_Minh';
  /** Stories per listing page. */
  perPage: number;
  /** Stories in the feed. */
  feedSize: number;
}

export const DEFAULT_SITE_URL = 'https://baoquangngai.vn/';

/** Throws a Vietnamese message when `url` is not an absolute http(s) address. */
export function normalizeSiteUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Địa chỉ trang "${url}" không hợp lệ: cần địa chỉ đầy đủ, ví dụ https://baoquangngai.vn/`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Địa chỉ trang "${url}" phải bắt đầu bằng https:// hoặc http://`);
  }
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    throw new Error(`Địa chỉ trang "${url}" chỉ được có tên miền, ví dụ https://baoquangngai.vn; đường dẫn con thì dùng --prefix.`);
  }
  return parsed.toString();
}

/** The settings of a site at `siteUrl` (`SITE_URL` or `--site-url`, read by the command), or at the paper's own address. */
export function siteSettings(siteUrl: string | undefined): SiteSettings {
  return {
    name: 'Báo Quảng Ngãi',
    url: normalizeSiteUrl(siteUrl || DEFAULT_SITE_URL),
    description: 'Tin tức, thời sự tỉnh Quảng Ngãi: chính trị, kinh tế, xã hội, văn hóa.',
    language: 'vi',
    locale: 'vi_VN',
    timeZone: 'Asia/Ho_Chi_Minh',
    perPage: 20,
    feedSize: 50,
  };
}
