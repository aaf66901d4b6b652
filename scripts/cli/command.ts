// What every `inkwell` command is: its usage text and what it does. Expected failures (a missing
// file, an unknown user) throw CliError: one line on stderr, exit 1, nothing written.
export class CliError extends Error {}

export interface Command {
  /** "user create <login> <email> ...": the first line of its help. */
  usage: string;
  /** One line for the list of commands. */
  summary: string;
  /** More lines for `--help`. */
  help?: string;
  run(argv: string[]): Promise<void> | void;
}
