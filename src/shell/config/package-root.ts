import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root: the nearest folder above this module with sop-runner's
 * package.json (the bundle lives in dist/ or dist/chunks/, the sources in src/shell/config/).
 */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'sop-runner') return dir;
      } catch {
        // Not ours: keep climbing.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return join(dirname(fileURLToPath(from)), '..');
    dir = parent;
  }
}
