// Runs a floor bundle as sop runs its own (src/shell/boot/start-cli.ts): through a V8 code cache,
// kept in a folder of its own beside the bundle (the cache's clean-up keeps one bundle per folder).
// Usage: node run-floor.cjs FLOOR.cjs [the floor's own arguments]
import { basename, dirname, join } from 'node:path';
import { runBundle } from '../../src/shell/boot/start-cli.js';

const [floor] = process.argv.splice(2, 1);
if (floor === undefined) throw new Error('usage: node run-floor.cjs FLOOR.cjs [arguments]');
const name = basename(floor, '.cjs');
runBundle(floor, join(dirname(floor), `code-${name}`, `${name}.bin`));
