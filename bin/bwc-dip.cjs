#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is built to dist/cli by `npm run build` (run automatically on install).
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'bwc-dip.cjs');
if (!fs.existsSync(entry)) {
  process.stderr.write('bwc-dip: not built yet; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
require(entry);
