/**
 * The shipped library validates clean: no loader or validator finding at all (errors or
 * warnings), except that directory entries are honestly dated and therefore age into
 * "stale-contact" warnings once a year has passed — that is the point of the rule.
 */
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../src/shell/library/read-library.js';
import { ALL_SOPS, shippedLibrary } from './helpers.js';
import { say } from '../../src/core/model/message.js';

describe('shipped library', () => {
  it('loads and validates without any finding', async () => {
    const { findings } = await shippedLibrary();
    expect(findings.map((f) => `${f.file}:${f.line}:${f.col} ${f.rule} ${say('en', f.message)}`)).toEqual([]);
  });

  it('holds exactly the SOP ids fixed for the library, each in sops/<id>.sop.yaml', async () => {
    const { library } = await shippedLibrary();
    const present = [...library.sops.keys()].sort();
    for (const id of ALL_SOPS) expect(present).toContain(id);
    for (const [id, loaded] of library.sops) expect(loaded.file.replace(/\\/g, '/')).toBe(`sops/${id}.sop.yaml`);
  });

  it('with a date, the only findings are stale-contact warnings on directory.yaml (dates are not invented)', async () => {
    const farFuture = '2999-01-01';
    const { findings } = await readLibrary(['sops'], { validate: true, cache: false, today: farFuture });
    const other = findings.filter((f) => f.rule !== 'SOP305');
    expect(other).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.severity).toBe('warning');
      expect(finding.file.replace(/\\/g, '/')).toBe('sops/directory.yaml');
    }
  });
});
