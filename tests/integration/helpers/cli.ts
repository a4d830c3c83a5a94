import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin', 'bwc-dip.cjs');

/**
 * The CLI as users run it: the built bundle through the bin launcher, as a separate process. The bundle is built
 * once per run by the vitest global setup (tests/setup/buildBundles.ts); building it here too would let one test
 * file rewrite it while another's CLI process loads it. Only a bundle that is missing altogether is built here.
 */
export function ensureCliBuilt(): void {
  if (existsSync(join(ROOT, 'dist/cli/bwc-dip.cjs'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), 'cli'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`CLI build failed: ${r.stderr}`);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

export function cli(args: string[], env: Record<string, string> = {}, input?: string): CliRun {
  ensureCliBuilt();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, BWC_DIP_USER: 'sgt.test', ...env },
    timeout: 120_000,
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json: <T>() => JSON.parse(r.stdout) as T,
  };
}
