/** QA: names in the journal (operator, SOP ids, outcomes, steps) with terminal escapes never reach the terminal raw. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sop, tempDir } from './sop.js';

const ESC = /[\u001b\u0007\u009b]/;

/** Rewrites every record of the (only) live journal file of `home`. */
function editJournal(home: string, edit: (record: Record<string, unknown>) => void): void {
  const calls = join(home, 'data', 'sop-runner', 'journal', 'calls');
  const file = join(calls, readdirSync(calls).find((name) => name.endsWith('.jsonl'))!);
  const lines = readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      edit(record);
      return JSON.stringify(record);
    });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('a hostile operator name in the journal', () => {
  it('sop log list shows it neutralised, on one row', async () => {
    const home = tempDir();
    const env = { XDG_DATA_HOME: join(home, 'data') };
    const answers = 'summary: continue\nnext-steps: thinking-it-over\nsafety-reminder: continue\nhow-to-call-back: continue\ncall-coding/region: unknown\ncall-coding/age-group: unknown\ncall-coding/gender: unknown\n';
    expect(sop(['run', 'closing', '--answers', '-'], { env, input: answers, cwd: ROOT }).code).toBe(0);
    // --operator refuses such a name; a journal edited by hand (or from elsewhere) may still hold one.
    editJournal(home, (record) => {
      if (record['type'] === 'session-start') record['operator'] = 'evil\u001b]0;TITLE\u0007\u001b[31mRED\nname';
    });
    const list = sop(['log', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(ESC);
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
    expect(list.stdout).toContain('evil');
  });
});

describe('hostile names in the journal', () => {
  it('sop stats (table and csv) prints them neutralised', async () => {
    const home = tempDir();
    const env = { XDG_DATA_HOME: join(home, 'data') };
    const answers = 'summary: continue\nnext-steps: thinking-it-over\nsafety-reminder: continue\nhow-to-call-back: continue\ncall-coding/region: unknown\ncall-coding/age-group: unknown\ncall-coding/gender: unknown\n';
    expect(sop(['run', 'closing', '--answers', '-'], { env, input: answers }).code).toBe(0);
    editJournal(home, (record) => {
      if (record['type'] === 'session-start') record['sop'] = 'closing\u001b]0;PWN\u0007';
      if (record['type'] === 'session-end') record['outcome'] = 'closed\u001b[31m';
      if (typeof record['step'] === 'string') record['step'] = `${record['step'] as string}\u001b[5m`;
    });
    for (const args of [['stats'], ['stats', '--chart'], ['stats', '--format', 'csv']]) {
      const result = sop(args, { env });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('closing');
      expect(result.stdout).not.toMatch(ESC);
    }
  });
});
