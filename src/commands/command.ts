/** A CLI subcommand: its own help text, and a run that returns the exit status. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  run(args: string[]): Promise<number>;
}

/** Thrown for a bad command line; the CLI prints the message and the help, exit 2. */
export class UsageError extends Error {}
