import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from '@11ty/eleventy';
import { sitePlugin } from './src/render/plugin.ts';

const TEMPLATES = fileURLToPath(new URL('./templates/', import.meta.url));

/**
 * Eleventy configuration. The input folder is the content folder (`content/` or `build --content`):
 * its `.txt` articles become pages through the site plugin, which parses each file once per build.
 * Layouts and partials live in `templates/`, Eleventy's includes folder.
 *
 * The build command adds the site plugin itself first, with the articles it has already parsed and
 * checked; Eleventy keeps the first registration of a unique plugin, so the line below applies to
 * the dev server (`serve`) and to running Eleventy directly, where the plugin reads the folder itself.
 */
export default function configure(eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(sitePlugin);
  return {
    // Input and output are not set here: they come from the command line (defaults content/ and _site/).
    dir: { includes: path.relative(eleventyConfig.directories.input, TEMPLATES) },
    // Pages come from the plugin's virtual JavaScript templates; nothing in the content folder is a template.
    templateFormats: ['11ty.js'],
  };
}
