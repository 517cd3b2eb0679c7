import { fileURLToPath, pathToFileURL } from 'node:url';
import type { UserConfig } from '@11ty/eleventy';
import type { SiteRun } from './plugin.ts';
import type { SiteContext, SiteTemplates } from './context.ts';

/** The composition root, which names the page templates; imported by its path, so this stage does not depend on them. */
export const CONFIG_PATH = fileURLToPath(new URL('../../.eleventy.ts', import.meta.url));

/**
 * Eleventy's input folder, which holds no template: the site's templates are virtual
 * (`sitePlugin`), yet Eleventy walks its whole input folder for template files, and given the
 * content folder it walked every article and photo of the archive (237,000 files at 100,000
 * stories) in every run: each worker of a full build, each update.
 */
const INPUT = fileURLToPath(new URL('./eleventy-input/', import.meta.url));

/** What `.eleventy.ts` exports: the Eleventy configuration of one run, and the page templates it names. */
export interface SiteConfigModule {
  siteConfig(run: SiteRun): (eleventyConfig: UserConfig) => void;
  siteTemplates(ctx: SiteContext): SiteTemplates;
}

/** The composition root, imported by its path. */
export async function siteConfigModule(): Promise<SiteConfigModule> {
  return (await import(pathToFileURL(CONFIG_PATH).href)) as SiteConfigModule;
}

/**
 * Eleventy, imported when first needed rather than with the CLI: importing it takes 0.3 s, which a
 * build spends reading the archive instead of before it starts (`preloadRenderer`).
 */
function eleventyModule(): Promise<typeof import('@11ty/eleventy')> {
  return import('@11ty/eleventy');
}

/** Starts importing what rendering needs (Eleventy, the templates), for a build to do its other work meanwhile. */
export function preloadRenderer(): void {
  Promise.all([eleventyModule(), siteConfigModule()]).catch(() => {});
}

export interface RenderOptions {
  output: string;
  pathPrefix?: string | undefined;
  run: SiteRun;
}

/** One Eleventy run of the site plugin with a corpus already read: writes the pages the run asks for. */
export async function renderPages(options: RenderOptions): Promise<void> {
  const [{ Eleventy }, { siteConfig }] = await Promise.all([eleventyModule(), siteConfigModule()]);
  const eleventy = new Eleventy(INPUT, options.output, {
    // The whole configuration comes from `siteConfig`: no configuration file of the working folder is read.
    configPath: false,
    quietMode: true,
    ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
    config: siteConfig(options.run),
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
