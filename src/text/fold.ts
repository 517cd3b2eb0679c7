/**
 * Folds Vietnamese text for search that forgives missing or differently placed marks:
 * lower case, no tone or vowel marks, `đ` → `d`. `Đảng ủy`, `dang uy` and `đảng uỷ` all fold to `dang uy`;
 * `hoà` and `hòa` both fold to `hoa`. `đ` needs its own step: U+0111 has no canonical decomposition.
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
