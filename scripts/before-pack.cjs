// electron-builder beforePack hook: rebuild better-sqlite3 for the Electron version and architecture being packed.
// Never run in CI here: Electron headers cannot be downloaded, and a silent Node rebuild would break the package.
const { rebuild } = require('@electron/rebuild');
const { Arch } = require('electron-builder');

exports.default = async function beforePack(context) {
  await rebuild({
    buildPath: context.packager.projectDir,
    electronVersion: context.packager.config.electronVersion ?? require('electron/package.json').version,
    arch: Arch[context.arch],
    onlyModules: ['better-sqlite3'],
    force: true,
  });
};
