// `npm run dist`: build everything, then package with electron-builder (needs network access to Electron's release
// downloads, which this project's CI machines do not have). `npm test` rebuilds better-sqlite3 for Node afterwards.
import { spawnSync } from 'node:child_process';
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build.mjs']);
run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
