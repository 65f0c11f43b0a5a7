#!/usr/bin/env node
// The `sop` command. The real code is bundled into dist/ by `npm install` (the prepare script);
// dist/boot.js loads it through V8's code cache (see src/shell/boot/start-cli.ts).
import { existsSync } from 'node:fs';

// no-color.org: a non-empty NO_COLOR turns colour off in every command. chalk reads only
// FORCE_COLOR, when it is first loaded, so translate before any of our code loads it.
// An explicit FORCE_COLOR still wins, as it does in Node itself.
if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';

const boot = new URL('../dist/boot.js', import.meta.url);
if (!existsSync(boot) || !existsSync(new URL('../dist/bundle.json', import.meta.url))) {
  process.stderr.write('sop: dist/ is missing; run "npm install" (or "npm run build") in the sop-runner folder first.\n');
  process.exit(2);
}
const { startCli } = await import(boot.href);
await startCli(process.argv.slice(2));
