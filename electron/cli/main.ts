import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../core/db/open';
import { isUserError, UserError } from '../core/errors';
import { currentAccount, defaultDbPath, defaultResourcesDir } from '../core/paths';
import { APP_VERSION } from '../core/version';
import type { CliContext, Command, OptionSpec } from './command';
import { COMMANDS } from './commands';

const GLOBAL: OptionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  user: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  return [
    `bwc-dip ${APP_VERSION} — BWC Dip Sampler command line`,
    '',
    'Usage: bwc-dip [--db PATH] [--user ID] [--json] <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --db PATH    database file (default: BWC_DIP_DB or the app\'s user-data folder)',
    '  --user ID    person the actions are attributed to (default: BWC_DIP_USER or the OS account)',
    '  --json       machine-readable result on stdout, nothing else on stdout',
    '  --help, --version',
    '',
    'Exit status: 0 success, 1 user error (one line on stderr), 2 internal error.',
  ].join('\n');
}

/** Longest command path that prefixes the positional words. */
function findCommand(words: string[]): Command | undefined {
  let best: Command | undefined;
  for (const c of COMMANDS) {
    if (c.path.every((w, i) => words[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  }
  return best;
}

export async function runCli(argv: string[], io: CliIo, signal: AbortSignal = new AbortController().signal): Promise<number> {
  let json = argv.includes('--json');
  let db: Database | undefined;
  try {
    // First pass: find the command words without knowing its options.
    const loose = parseArgs({ args: argv, options: GLOBAL, strict: false, allowPositionals: true });
    if (loose.values.version) {
      io.out(json ? JSON.stringify({ version: APP_VERSION }) : APP_VERSION);
      return 0;
    }
    const words = loose.positionals;
    const cmd = findCommand(words);
    if (!cmd) {
      if (loose.values.help || words.length === 0) {
        io.out(helpText());
        return words.length === 0 && !loose.values.help ? 1 : 0;
      }
      throw new UserError('bad-input', `unknown command '${words.join(' ')}' (see bwc-dip --help)`);
    }
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { ...GLOBAL, ...cmd.options }, strict: true, allowPositionals: true });
    } catch (e) {
      throw new UserError('bad-input', `${(e as Error).message.replace(/\. To specify a positional.*$/s, '')} (usage: ${cmd.usage})`);
    }
    json = parsed.values.json === true;
    if (parsed.values.help) {
      io.out(`${cmd.usage}\n\n${cmd.summary}`);
      return 0;
    }
    const positionals = parsed.positionals.slice(cmd.path.length);
    if (positionals.length < cmd.positionals.min || positionals.length > cmd.positionals.max) {
      throw new UserError('bad-input', `wrong number of arguments (usage: ${cmd.usage})`);
    }
    const explicitDb = typeof parsed.values.db === 'string' ? parsed.values.db : undefined;
    const dbPath = explicitDb ?? defaultDbPath(io.env);
    const actor = typeof parsed.values.user === 'string' && parsed.values.user.trim() ? parsed.values.user.trim() : currentAccount(io.env);
    const ctx: CliContext = {
      db: () => {
        // The default location is ours to create; an explicit --db in a missing folder is the user's typo.
        if (!explicitDb && !io.env.BWC_DIP_DB) mkdirSync(dirname(dbPath), { recursive: true });
        return (db ??= openDatabase(dbPath));
      },
      dbPath,
      actor,
      resourcesDir: defaultResourcesDir(io.env),
      json,
      progress: (text) => {
        if (!json && io.isTty) io.err(`\r${text}\x1b[K`);
      },
      signal,
    };
    const result = await cmd.run(ctx, parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>, positionals);
    if (!json && io.isTty) io.err('\r\x1b[K');
    io.out(json ? JSON.stringify(result.json, null, 2) : result.text);
    return result.exitCode ?? 0;
  } catch (e) {
    if (isUserError(e)) {
      io.err(`bwc-dip: ${e.message}`);
      if (json) io.out(JSON.stringify({ error: { code: e.code, message: e.message } }));
      return 1;
    }
    io.err(`bwc-dip: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (io.env.BWC_DIP_DEBUG) io.err(String((e as Error)?.stack));
    return 2;
  } finally {
    db?.close();
  }
}
