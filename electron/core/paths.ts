import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'BWC Dip Sampler';

/**
 * resources/ sits two folders above this code both in the source tree (electron/core) and in every bundle
 * (dist/core, dist/cli); the packaged app passes its own location instead.
 */
export function defaultResourcesDir(env = process.env): string {
  return env.BWC_DIP_RESOURCES ?? join(__dirname, '..', '..', 'resources');
}

/**
 * The same folder Electron's app.getPath('userData') gives for this product, computed without Electron so the CLI
 * and the app share one database by default.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function defaultDbPath(env = process.env): string {
  return env.BWC_DIP_DB ?? join(defaultUserDataDir(process.platform, env), 'bwc-dip.sqlite');
}

/** Attribution, not authentication: the OS account unless overridden for the CLI or tests. */
export function currentAccount(env = process.env): string {
  if (env.BWC_DIP_USER) return env.BWC_DIP_USER;
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}
