/** Every test file: say() reads locales/*.ftl, as `sop` does from its first line (src/shell/cli/main.ts). */
import { fileURLToPath } from 'node:url';
import { installCatalogues } from '../src/shell/catalogues.js';

installCatalogues(fileURLToPath(new URL('../locales', import.meta.url)));
