import type { Database } from 'better-sqlite3';
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliContext {
  /** Opens the database on first use, so commands that do not need one (sample-size, agreement --input) never touch it. */
  db(): Database;
  dbPath: string;
  actor: string;
  resourcesDir: string;
  json: boolean;
  /** Progress line on stderr: shown only to a person at a terminal, never in --json mode. */
  progress(text: string): void;
  signal: AbortSignal;
}

export interface CommandResult {
  /** What --json prints (one JSON value on stdout). */
  json: unknown;
  /** What a person sees. */
  text: string;
  /** 0 unless the command found a problem the user must act on (e.g. log verify found tampering). */
  exitCode?: 0 | 1;
}

export interface Command {
  /** Words that select it, e.g. ['log', 'verify']. */
  path: string[];
  summary: string;
  usage: string;
  options: OptionSpec;
  /** How many positional arguments it takes. */
  positionals: { min: number; max: number };
  run(ctx: CliContext, values: ParsedValues, positionals: string[]): Promise<CommandResult> | CommandResult;
}
