#!/usr/bin/env node
// The `sop` command. The real code is bundled into dist/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sop: dist/ is missing; run "npm install" (or "npm run build") in the sop-runner folder first.\n');
  process.exit(2);
}
const { run } = await import(entry.href);
await run(process.argv.slice(2));
