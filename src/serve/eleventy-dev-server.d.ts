// The parts of @11ty/eleventy-dev-server 2 (which ships no TypeScript types) that `serve` uses.
declare module '@11ty/eleventy-dev-server' {
  export interface DevServerLogger {
    log(message: string): void;
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  }

  export interface DevServerOptions {
    pathPrefix?: string;
    domDiff?: boolean;
    portReassignmentRetryCount?: number;
    logger?: DevServerLogger;
  }

  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    /** The HTTP server, created on first use; `serve()` listens on every interface, so `serve` listens on it itself. */
    readonly server: import('node:http').Server;
    serve(port: number): void;
    ready(): Promise<void>;
    /** Tells connected browsers to reload. */
    reload(event: { files?: string[] }): void;
    close(): Promise<void>;
  }
}
