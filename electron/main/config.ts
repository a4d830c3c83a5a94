import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDbPath } from '../core/paths';

export interface MainConfig {
  dbPath: string;
  /** True when the database did not exist yet: the bundled demo library is indexed into it. */
  firstRun: boolean;
  demoRoot: string;
  uiRoot: string;
  preload: string;
  coreWorker: string;
}

/** `--db PATH` on the app's command line wins over BWC_DIP_DB, which wins over the user-data folder. */
export function dbPathFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDbPath: string): string {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (i >= 0) {
    const a = argv[i]!;
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
    if (v) return v;
  }
  return env.BWC_DIP_DB ?? userDataDbPath ?? defaultDbPath(env);
}

export function mainConfig(opts: { distDir: string; resourcesDir: string; dbPath: string }): MainConfig {
  return {
    dbPath: opts.dbPath,
    firstRun: !existsSync(opts.dbPath),
    demoRoot: join(opts.resourcesDir, 'demo'),
    uiRoot: join(opts.distDir, 'renderer'),
    preload: join(opts.distDir, 'preload', 'preload.cjs'),
    coreWorker: join(opts.distDir, 'core', 'worker.cjs'),
  };
}
