import { createHash } from 'node:crypto';
import { frameHashInput } from '../../../shared/sampling/draw';

/**
 * The statement's frame hash: SHA-256 (hex) of frameHashInput (draw.ts), the sorted ids one per line. A frame read by
 * id is already ascending, and then the joined ids are that very text; sorting a million sorted ids again would cost
 * more than hashing them.
 */
export function frameHash(ids: readonly number[]): string {
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! < ids[i]!;
  return createHash('sha256')
    .update(ascending ? ids.join('\n') : frameHashInput(ids))
    .digest('hex');
}
