/** QA: an operator name with terminal escapes and a newline never reaches the terminal raw. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sop, tempDir } from './sop.js';

const ESC = /[\u001b\u0007\u009b]/;

describe('a hostile operator name', () => {
  it('sop log list shows it neutralised, on one row', () => {
    const home = tempDir();
    const env = { XDG_DATA_HOME: join(home, 'data') };
    const run = sop(['run', 'closing', '--answers', '-', '--operator', 'evil\u001b]0;TITLE\u0007\u001b[31mRED\nname'], {
      env,
      input: 'summary: continue\nnext-steps: thinking-it-over\nsafety-reminder: continue\nhow-to-call-back: continue\n',
      cwd: ROOT,
    });
    expect(run.code).toBe(0);
    const list = sop(['log', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(ESC);
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
    expect(list.stdout).toContain('evil');
  });
});

describe('hostile names in the journal', () => {
  it('sop stats (table and csv) prints them neutralised', async () => {
    const { readFileSync, readdirSync, writeFileSync } = await import('node:fs');
    const home = tempDir();
    const env = { XDG_DATA_HOME: join(home, 'data') };
    const answers = 'summary: continue\nnext-steps: thinking-it-over\nsafety-reminder: continue\nhow-to-call-back: continue\n';
    expect(sop(['run', 'closing', '--answers', '-'], { env, input: answers }).code).toBe(0);
    const calls = join(home, 'data', 'sop-runner', 'journal', 'calls');
    const file = join(calls, readdirSync(calls).find((name) => name.endsWith('.jsonl'))!);
    const edited = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => {
        const record = JSON.parse(line) as Record<string, unknown>;
        if (record['type'] === 'session-start') record['sop'] = 'closing\u001b]0;PWN\u0007';
        if (record['type'] === 'session-end') record['outcome'] = 'closed\u001b[31m';
        if (typeof record['step'] === 'string') record['step'] = `${record['step'] as string}\u001b[5m`;
        return JSON.stringify(record);
      });
    writeFileSync(file, `${edited.join('\n')}\n`);
    for (const args of [['stats'], ['stats', '--chart'], ['stats', '--format', 'csv']]) {
      const result = sop(args, { env });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('closing');
      expect(result.stdout).not.toMatch(ESC);
    }
  });
});
