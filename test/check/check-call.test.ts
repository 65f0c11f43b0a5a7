import { describe, expect, it } from 'vitest';
import { checkCall, type CallCheck } from '../../src/core/check/check-call.js';
import type { EngineEvent } from '../../src/core/engine/types.js';
import type { Library } from '../../src/core/model/library.js';
import type { JournalEvent } from '../../src/core/record/journal-line.js';
import { protect } from '../../src/shell/journal/protect.js';
import { FIXTURE_CALLS, checked, driveScript, option, say, value, type ScriptedCall } from '../replay/record-calls.js';
import { fixtureLibrary } from './helpers.js';

const base = fixtureLibrary();
const recorded = (call: ScriptedCall): EngineEvent[] => driveScript(base, call).events.flat();
const check = (library: Library, call: ScriptedCall, events = recorded(call)): CallCheck =>
  checkCall(library, { id: call.name, sop: call.sop, events });
const byName = (name: string): ScriptedCall => FIXTURE_CALLS.find((call) => call.name === name)!;
const adult20: ScriptedCall = { name: 'adult-20', sop: 'hotline', commands: [say, option('job'), checked('debt'), value('20')] };

describe('checkCall', () => {
  it('finds the same path and outcome when nothing changed', () => {
    for (const call of [...FIXTURE_CALLS, adult20]) {
      const result = check(base, call);
      expect(result.status, call.name).toBe('same');
      expect(result.newPath).toEqual(result.oldPath);
      expect(result.newOutcome).toBe(result.oldOutcome);
      expect(result.changedSops).toEqual([]);
    }
  });

  it('lists a step answered, gone back to and answered anew once in the recorded path, as the call\'s own path does', () => {
    // job -> signs shown, back to topic, job again -> signs shown again, then debt and age.
    const call: ScriptedCall = { name: 'back-and-again', sop: 'hotline', commands: [say, option('job'), { type: 'back' }, option('job'), checked('debt'), value('20')] };
    const run = driveScript(base, call);
    const result = check(base, call);
    expect(result.oldPath).toEqual(['hotline/greet', 'hotline/topic', 'hotline/signs', 'hotline/age']);
    expect(result.oldPath).toEqual(run.state.path);
    expect(result.status).toBe('same');
    // Gone back and amended: the step left (signs) is not on the path.
    expect(check(base, byName('amended-topic')).oldPath).toEqual(['hotline/greet', 'hotline/topic']);
  });

  it('reports a redacted sensitive answer as unchecked from its step, not as divergent', () => {
    const events = recorded(byName('minor-unsafe')).map((event) => protect(event as JournalEvent) as EngineEvent);
    const result = check(base, byName('minor-unsafe'), events);
    expect(result.status).toBe('unchecked');
    expect(result.uncheckedFrom).toBe('hotline/age');
    expect(result.divergence).toBeUndefined();
  });

  it('finds a renamed option, a condition that now routes elsewhere and another outcome (the divergent fixture)', () => {
    const divergent = fixtureLibrary('../../replay/fixtures/sops-divergent');
    const other = check(divergent, byName('other-informed'));
    expect(other.divergence).toMatchObject({ kind: 'option-removed', at: 'hotline/topic' });
    expect(other.divergence?.message.en).toBe(
      'option "other" of step hotline/topic no longer exists (removed or renamed); options now: job, something-else',
    );
    expect(other.divergence?.where?.file).toMatch(/sops-divergent\/hotline\.sop\.yaml$/);

    const noSigns = check(divergent, byName('job-no-signs'));
    expect(noSigns.divergence).toMatchObject({ kind: 'not-ended', at: 'hotline/age' });
    expect(noSigns.divergence?.message.en).toBe(
      'after hotline/signs, a condition now routes to hotline/age instead of ending the call with hotline/informed (recorded: next[1]; now: next[0])',
    );
    // The branch the recorded call took (`- goto: info-end`), not the whole `next` list.
    expect(noSigns.divergence?.where).toMatchObject({ line: 49, col: 9 });
    expect(noSigns.oldPath).toEqual(['hotline/greet', 'hotline/topic', 'hotline/signs']);
    expect(noSigns.newPath).toEqual(['hotline/greet', 'hotline/topic', 'hotline/signs', 'hotline/age']);

    const danger = check(divergent, byName('danger-interrupt'));
    expect(danger.divergence).toMatchObject({ kind: 'outcome' });
    expect(danger).toMatchObject({ oldOutcome: 'hotline/emergency', newOutcome: 'hotline/referred' });
  });

  it('points at the whole next list for a journal written before events carried the branch taken', () => {
    const divergent = fixtureLibrary('../../replay/fixtures/sops-divergent');
    const events = recorded(byName('job-no-signs')).map((event) => {
      if (event.type !== 'answer') return event;
      const { branch: _branch, ...old } = event;
      return old;
    });
    const noSigns = check(divergent, byName('job-no-signs'), events);
    expect(noSigns.divergence?.message.en).toBe(
      'after hotline/signs, a condition now routes to hotline/age instead of ending the call with hotline/informed',
    );
    expect(noSigns.divergence?.where).toMatchObject({ line: 46, col: 5 });
  });

  it('finds a removed step, with where the call goes now', () => {
    const result = check(fixtureLibrary('edit-step-removed'), byName('job-no-signs'));
    expect(result.status).toBe('diverged');
    expect(result.divergence).toMatchObject({ kind: 'step-removed', at: 'hotline/signs' });
    expect(result.divergence?.message.en).toBe('step hotline/signs no longer exists; the call now goes to hotline/age');
  });

  it('points at the decide branch that now routes elsewhere', () => {
    const result = check(fixtureLibrary('edit-decide'), adult20);
    expect(result.divergence).toMatchObject({ kind: 'not-ended', at: 'safety/safe-now' });
    expect(result.divergence?.message.en).toMatch(/^after hotline\/age, a condition now routes to safety\/safe-now instead of ending the call with hotline\/referred$/);
    expect(result.divergence?.where).toMatchObject({ file: expect.stringMatching(/edit-decide\/hotline\.sop\.yaml$/), line: 57 });
  });

  it('points at the call step whose next changed when a sub-SOP returns elsewhere', () => {
    const result = check(fixtureLibrary('edit-return'), byName('minor-unsafe'));
    expect(result.divergence).toMatchObject({ kind: 'not-ended', at: 'hotline/danger' });
    expect(result.divergence?.message.en).toBe('after safety/safe-now, the call now goes on to hotline/danger instead of ending with hotline/referred');
    expect(result.divergence?.where).toMatchObject({ file: expect.stringMatching(/edit-return\/hotline\.sop\.yaml$/), line: 63 });
  });

  it('says "goes on", not "a condition now routes", when only plain nexts changed, whatever the step ids are called', () => {
    const call: ScriptedCall = { name: 'conditions', sop: 'conditions', commands: [say] };
    const events = driveScript(fixtureLibrary('conditions-before'), call).events.flat();
    const result = check(fixtureLibrary('conditions-after'), call, events);
    expect(result.divergence).toMatchObject({ kind: 'not-ended', at: 'conditions/contract' });
    expect(result.divergence?.message.en).toBe(
      'after conditions/working-conditions, the call now goes on to conditions/contract instead of ending with conditions/done',
    );
  });

  it('finds a removed step named like a property of every object (constructor)', () => {
    const call: ScriptedCall = { name: 'contract', sop: 'contract', commands: [say, say] };
    const events = driveScript(fixtureLibrary('constructor-before'), call).events.flat();
    const result = check(fixtureLibrary('constructor-after'), call, events);
    expect(result.divergence).toMatchObject({ kind: 'step-removed', at: 'contract/constructor' });
    expect(result.divergence?.message.en).toBe('step contract/constructor no longer exists; the call now goes to contract/other');
  });

  it('reports a call whose SOP is gone', () => {
    const result = checkCall(base, { id: 'x', sop: 'retired', events: [] });
    expect(result.divergence?.kind).toBe('sop-missing');
  });

  it('notes which SOPs changed since the call by their sha256', () => {
    const divergent = fixtureLibrary('../../replay/fixtures/sops-divergent');
    const files = [...base.sops.values()].map((loaded) => ({ sop: loaded.sop.sop, file: loaded.file, sha256: loaded.sha256 }));
    const result = checkCall(divergent, { id: 'x', sop: 'hotline', files, events: recorded(byName('other-informed')) });
    expect(result.changedSops).toEqual(['hotline']);
  });
});
