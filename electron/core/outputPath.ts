import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './errors';

/** Checks an output path before any work is done, so a typo never costs a long run. */
export function writableOutPath(path: string): string {
  const full = resolve(path);
  const folder = dirname(full);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UserError('bad-input', `output folder does not exist: ${folder}`);
  if (existsSync(full) && statSync(full).isDirectory()) throw new UserError('bad-input', `output path is a folder: ${full}`);
  try {
    accessSync(existsSync(full) ? full : folder, constants.W_OK);
  } catch {
    throw new UserError('io', `cannot write to ${full} (read-only)`);
  }
  return full;
}
