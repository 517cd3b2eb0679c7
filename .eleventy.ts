import type { UserConfig } from '@11ty/eleventy';
import { sitePlugin, type SiteRun } from './src/render/plugin.ts';
import { siteTemplates } from './templates/pages/index.ts';

/** The page templates, for what a build must know of the pages before it renders them (`src/render/page-inputs.ts`). */
export { siteTemplates };

/**
 * The composition root of an Eleventy run: the site plugin with the run's options (from the build,
 * a worker or the preview) and the page templates of `templates/pages/`. Eleventy runs only
 * through the toa-soan CLI (`renderPages`, src/render/render-pages.ts, imports this file by its
 * path); there is no project configuration for Eleventy's own command. The input and output
 * folders come from the run: the content folder, of which nothing is a template, and the site.
 */
export function siteConfig(run: SiteRun) {
  return (eleventyConfig: UserConfig): void => {
    eleventyConfig.addPlugin(sitePlugin, { ...run, templates: siteTemplates });
    // Pages come from the plugin's virtual JavaScript templates.
    eleventyConfig.setTemplateFormats('11ty.js');
  };
}
