import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The core starts its probe workers from the bundled dist/core/probe-worker.cjs, also when tests run the core from
 * the TypeScript tree: build it (esbuild, well under a second) so `npx vitest` alone runs the real worker.
 */
export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build.mjs'), 'probe'], { stdio: 'inherit' });
}
