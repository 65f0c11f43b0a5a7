#!/usr/bin/env node
// The `sop` command. The real code is bundled into dist/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';

// no-color.org: a non-empty NO_COLOR turns colour off in every command. chalk reads only
// FORCE_COLOR, when it is first loaded, so translate before any of our code loads it.
// An explicit FORCE_COLOR still wins, as it does in Node itself.
if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sop: dist/ is missing; run "npm install" (or "npm run build") in the sop-runner folder first.\n');
  process.exit(2);
}
const { run } = await import(entry.href);
await run(process.argv.slice(2));
