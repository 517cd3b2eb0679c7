/**
 * The commands stage: one module per CLI subcommand (parse, check, build, serve, convert, publish), each
 * reading its command line and the environment, then calling the stage that does the work. Input
 * from outside (options, `SITE_URL`, `TOA_SOAN_WITHOUT`) is read here and passed down as data.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A CLI subcommand: its own help text, and a run that returns the exit status. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text; its first line is the command's usage. */
  help: string;
  run(args: string[]): Promise<number>;
}

/** Thrown for a bad command line; the CLI prints the message and the usage, exit 2. */
export class UsageError extends Error {}

/**
 * The option a parseArgs message names: `'--content <value>'` and `'-c, --content <value>'` give
 * `--content`. Node's errors carry a code but not the option, so the message is read.
 */
function namedOption(message: string): string | null {
  const quoted = /'([^']*)'/.exec(message)?.[1];
  if (quoted === undefined) return null;
  return quoted.split(/[ ,]+/).filter((part) => part.startsWith('-')).at(-1) ?? quoted;
}

/**
 * The editor's message for a `node:util` parseArgs error, recognised by its `code`; null for any
 * other error. Every command's options go through parseArgs, and the CLI turns these into usage
 * errors in one place, so no command can let one out as a stack trace.
 */
export function usageErrorOf(error: unknown): UsageError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return null;
  const message = (error as Error).message;
  const name = namedOption(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name) return new UsageError(`không có tuỳ chọn "${name}" (unknown option)`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && name) return new UsageError(`không cần tham số "${name}" (unexpected argument)`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
    return / does not take an argument/.test(message)
      ? new UsageError(`tuỳ chọn "${name}" không nhận giá trị (takes no value)`)
      : new UsageError(`tuỳ chọn "${name}" cần một giá trị theo sau (missing value)`);
  }
  return new UsageError(`dòng lệnh sai: ${message.split('\n')[0]}`);
}

/** parseArgs, strict, with its errors as usage errors: for a command that wants them thrown as such. */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs({ strict: true, ...config });
  } catch (error) {
    throw usageErrorOf(error) ?? error;
  }
}
