import { Eleventy } from '@11ty/eleventy';
import { CONFIG_PATH } from './build.ts';

export interface ServeOptions {
  contentDir: string;
  outputDir: string;
  port: number;
  pathPrefix?: string | undefined;
}

/**
 * Eleventy's dev server with live reload, for editors previewing their articles. The site plugin
 * re-reads the content folder on every change; a broken article is reported and left out, and the
 * server keeps running.
 */
export async function serveSite(options: ServeOptions): Promise<void> {
  const eleventy = new Eleventy(options.contentDir, options.outputDir, {
    configPath: CONFIG_PATH,
    runMode: 'serve',
    quietMode: true,
    ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port);
}
