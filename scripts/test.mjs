// `npm test`: lint, typecheck, build, unit + integration (vitest), e2e (Playwright), then ONE closing line
// "N passed, N failed, N skipped" counted from the runners' JSON reports (lint and each typecheck count as one
// check each). Every step runs even when an earlier one fails, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeNative } from './native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'tests', '.artifacts');
mkdirSync(artifacts, { recursive: true });
const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);

const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, cmd, args, opts = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(label, ok) {
  if (ok) tally.passed++;
  else {
    tally.failed++;
    failures.push(label);
  }
}

ensureNodeNative(root);

if (want('lint')) check('lint', run('lint', 'npx', ['eslint', '.', '--max-warnings=0']));
if (want('typecheck')) {
  for (const p of ['shared/tsconfig.json', 'electron/tsconfig.json', 'renderer/tsconfig.json', 'tsconfig.json']) {
    check(`typecheck ${p}`, run(`typecheck ${p}`, 'npx', ['tsc', '-p', p, '--noEmit']));
  }
}
const built = run('build', 'node', ['scripts/build.mjs']);
check('build', built);

if (want('unit') || want('integration')) {
  const out = join(artifacts, 'vitest.json');
  rmSync(out, { force: true });
  const projects = ['unit', 'integration'].filter(want).flatMap((p) => ['--project', p]);
  const ok = run('unit + integration (vitest)', 'npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    tally.passed += r.numPassedTests;
    tally.failed += r.numFailedTests;
    tally.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A suite that fails to load has no failed tests but must still count.
    for (const f of r.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) check(`vitest file ${f.name}`, false);
    if (!ok && r.numFailedTests === 0 && !failures.some((f) => f.startsWith('vitest'))) check('vitest', false);
  } else check('vitest (no report)', false);
}

if (want('e2e')) {
  const out = join(artifacts, 'playwright.json');
  rmSync(out, { force: true });
  if (!built) check('e2e (not run: build failed)', false);
  else {
    run('e2e (Playwright + Chromium; Electron suite where a binary exists)', 'npx', ['playwright', 'test']);
    if (existsSync(out)) {
      const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
      tally.passed += (s.expected ?? 0) + (s.flaky ?? 0);
      tally.failed += s.unexpected ?? 0;
      tally.skipped += s.skipped ?? 0;
      if ((s.unexpected ?? 0) > 0) failures.push('e2e');
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const electronSkips = (report.suites ?? []).flatMap(function specs(x) {
        return [...(x.specs ?? []), ...(x.suites ?? []).flatMap(specs)];
      }).flatMap((spec) => spec.tests ?? []).filter((t) => t.projectName === 'electron' && t.status === 'skipped');
      if (electronSkips.length) console.log(`\nElectron suite: ${electronSkips.length} scenarios skipped: no Electron binary (they run through Playwright's Electron launcher where one is installed).`);
      if ((s.expected ?? 0) + (s.unexpected ?? 0) + (s.skipped ?? 0) === 0) check('e2e (no tests ran)', false);
    } else check('e2e (no report)', false);
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exitCode = tally.failed > 0 ? 1 : 0;
