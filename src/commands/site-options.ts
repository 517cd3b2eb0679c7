/** The folders and sub-path that `build` and `serve` both take, for `node:util` parseArgs. */
export const SITE_OPTIONS = {
  content: { type: 'string', default: 'content' },
  output: { type: 'string', default: '_site' },
  prefix: { type: 'string' },
} as const;
