import { statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseFeatures, type SiteFeatures } from '../corpus/features.ts';
import { UsageError } from './command.ts';

/** The folders and sub-path that `build` and `serve` both take, for `node:util` parseArgs. */
export const SITE_OPTIONS = {
  content: { type: 'string', default: 'content' },
  output: { type: 'string', default: '_site' },
  prefix: { type: 'string' },
} as const;

/**
 * The options of `build` or `serve`: the site options and the command's own `extra`. Positional
 * arguments are accepted by parseArgs and refused here, so the editor reads the message in Vietnamese.
 */
export function parseSiteArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], extra: O) {
  const { values, positionals } = parseArgs({ args, options: { ...SITE_OPTIONS, ...extra }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError(`không cần tham số "${positionals[0]}" (unexpected argument)`);
  return values;
}

/** The site's optional features, from `TOA_SOAN_WITHOUT` (the benchmark's baseline), read here once for the whole run. */
export function siteFeaturesOfEnvironment(): SiteFeatures {
  try {
    return parseFeatures(process.env.TOA_SOAN_WITHOUT);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * `--previous`, the site as published before: an http(s) address (its sub-path included) or a
 * folder that exists. Anything else is a usage error, not a silent full encode.
 */
export function previousSite(value: string): string {
  if (/^https?:\/\//i.test(value)) {
    if (URL.canParse(value)) return value;
    throw new UsageError(`--previous: địa chỉ "${value}" không hợp lệ (invalid address)`);
  }
  if (statSync(value, { throwIfNoEntry: false })?.isDirectory()) return value;
  throw new UsageError(`--previous: "${value}" không phải địa chỉ http(s) hay thư mục có sẵn (neither an http(s) address nor a folder)`);
}
