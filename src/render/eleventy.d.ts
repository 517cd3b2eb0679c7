// The parts of Eleventy 3 (which ships no TypeScript types) that the site uses.
declare module '@11ty/eleventy' {
  export interface EleventyDirectories {
    input: string;
    output: string;
  }

  export interface UserConfig {
    /** Set by Eleventy after the configuration ran; read it at render time. */
    readonly pathPrefix: string | undefined;
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void, options?: O): void;
    addGlobalData(name: string, value: unknown): void;
    addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
    setTemplateFormats(formats: string): void;
    on(event: 'eleventy.after', listener: (arg: { directories: EleventyDirectories }) => unknown): void;
  }

  export interface EleventyOptions {
    /** False: read no configuration file. */
    configPath?: string | false;
    quietMode?: boolean;
    pathPrefix?: string;
    config?: (config: UserConfig) => void | Promise<void>;
  }

  export class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    disableLogger(): void;
  }

  export function HtmlBasePlugin(config: UserConfig, options?: Record<string, unknown>): void;
}
