import { fileURLToPath } from 'node:url';
import { Eleventy } from '@11ty/eleventy';
import { sitePlugin, type SitePluginOptions } from './plugin.ts';

export const CONFIG_PATH = fileURLToPath(new URL('../../.eleventy.ts', import.meta.url));

export interface RenderOptions {
  /** Eleventy's input folder: the content folder (no templates are read from it). */
  input: string;
  output: string;
  pathPrefix?: string | undefined;
  plugin: SitePluginOptions;
}

/** One Eleventy run of the site plugin with a corpus already read: writes the pages the corpus and options ask for. */
export async function renderPages(options: RenderOptions): Promise<void> {
  const eleventy = new Eleventy(options.input, options.output, {
    configPath: CONFIG_PATH,
    quietMode: true,
    ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
    config: (eleventyConfig) => eleventyConfig.addPlugin(sitePlugin, options.plugin),
  });
  eleventy.disableLogger();
  await eleventy.write();
}

/** The message of the innermost error: Eleventy wraps a template's own error in errors that say where, not what. */
export function innermostMessage(error: unknown): string {
  let e = error;
  for (let depth = 0; depth < 10; depth++) {
    const inner = e instanceof Error ? ((e as Error & { originalError?: unknown }).originalError ?? e.cause) : undefined;
    if (!(inner instanceof Error)) break;
    e = inner;
  }
  return e instanceof Error ? e.message : String(e);
}
