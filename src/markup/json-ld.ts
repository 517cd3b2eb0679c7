import { raw, type SafeHtml } from './html.ts';

/**
 * A JSON-LD `<script>` block. JSON text may contain `</script>` or `<!--` from an article title,
 * so `<`, `>` and `&` are written as JSON escapes, which parse back to the same string.
 * U+2028/U+2029 are escaped too, for old JavaScript parsers.
 */
export function jsonLdScript(data: unknown): SafeHtml {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return raw(`<script type="application/ld+json">${json}</script>`);
}
