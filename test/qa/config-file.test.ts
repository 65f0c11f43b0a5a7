/** QA: a config file holding several YAML documents says so in the user's words, not the YAML library's. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop, tempDir } from './sop.js';

describe('a config file with two YAML documents', () => {
  it('names the file and line, says to remove the separator, and never mentions the parser API', () => {
    const home = tempDir();
    const config = join(home, 'config');
    mkdirSync(join(config, 'sop-runner'), { recursive: true });
    writeFileSync(join(config, 'sop-runner', 'config.yaml'), 'language: uk\n---\noperator: c7\n');
    for (const lang of ['en', 'uk']) {
      const result = sop(['config', '--lang', lang], { env: { XDG_CONFIG_HOME: config } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/config\.yaml:2:1/);
      expect(result.stderr).not.toContain('parseAllDocuments');
      expect(result.stderr).toContain('---');
    }
  });
});
