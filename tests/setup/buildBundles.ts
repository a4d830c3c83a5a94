import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Bundles the tests run as they are, built once before any test starts (esbuild, well under a second):
 * - the probe worker: the core starts it from dist/core/probe-worker.cjs, also when tests run the core from the
 *   TypeScript tree;
 * - the CLI: tests run dist/cli/bwc-dip.cjs as a separate process. Building it here, not from each test file, means
 *   no test rewrites the bundle while another file's CLI process is loading it.
 */
export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build.mjs'), 'probe', 'cli'], { stdio: 'inherit' });
}
