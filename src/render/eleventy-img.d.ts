// The subset of @11ty/eleventy-img (which ships no types) that the site uses.
declare module '@11ty/eleventy-img' {
  export interface ImageFormatEntry {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename: string;
    outputPath: string;
  }
  export type ImageMetadata = Record<string, ImageFormatEntry[]>;
  export interface ImageOptions {
    widths?: (number | 'auto')[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    sharpAvifOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    filenameFormat?: (id: string, source: string, width: number, format: string) => string;
    useCache?: boolean;
  }
  export default function Image(src: string, options?: ImageOptions): Promise<ImageMetadata>;
}
