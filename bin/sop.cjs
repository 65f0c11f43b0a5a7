#!/usr/bin/env node
// The `sop` command. The real code is bundled into dist/ by `npm install` (the prepare script);
// dist/boot.cjs runs it through V8's code cache (see src/shell/boot/start-cli.ts). CommonJS on
// purpose, as boot.cjs is: an ES module entry costs Node about 6 ms more to start.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

// no-color.org: a non-empty NO_COLOR turns colour off in every command. chalk reads only
// FORCE_COLOR, when it is first loaded, so translate before any of our code loads it.
// An explicit FORCE_COLOR still wins, as it does in Node itself.
if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'boot.cjs')) || !existsSync(join(dist, 'bundle.json'))) {
  process.stderr.write('sop: dist/ is missing; run "npm install" (or "npm run build") in the sop-runner folder first.\n');
  process.exit(2);
}
require(join(dist, 'boot.cjs')).startCli(process.argv.slice(2), dist);
