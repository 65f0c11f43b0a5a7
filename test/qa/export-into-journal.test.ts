/** QA: `sop log export -o` never writes over the journal it reads from (it would erase every other call). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sop, tempDir } from './sop.js';

const answers = 'summary: continue\nnext-steps: thinking-it-over\nsafety-reminder: continue\nhow-to-call-back: continue\ncall-coding/region: unknown\ncall-coding/age-group: unknown\ncall-coding/gender: unknown\n';

describe('sop log export -o into the journal folder', () => {
  it('is refused (exit 2) and the journal is untouched', () => {
    const home = tempDir();
    const env = { XDG_DATA_HOME: join(home, 'data') };
    expect(sop(['run', 'closing', '--answers', '-'], { env, input: answers }).code).toBe(0);
    expect(sop(['run', 'closing', '--answers', '-'], { env, input: answers }).code).toBe(0);
    const calls = join(home, 'data', 'sop-runner', 'journal', 'calls');
    const journal = join(calls, readdirSync(calls).find((name) => name.endsWith('.jsonl'))!);
    const before = readFileSync(journal, 'utf8');
    const id = /(\d{8}-\d{4}-[a-z0-9]{4})/.exec(sop(['log', 'list'], { env }).stdout)![1]!;
    for (const output of [journal, join(calls, 'copy.jsonl')]) {
      const result = sop(['log', 'export', id, '--redact', '-o', output], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/journal/);
    }
    expect(readFileSync(journal, 'utf8')).toBe(before);
    expect(sop(['log', 'verify'], { env }).code).toBe(0);
  });
});

describe('sop graph / sop docs -o into the journal folder', () => {
  it('is refused (exit 2) and the journal is untouched', () => {
    const home = tempDir();
    const env = { XDG_DATA_HOME: join(home, 'data') };
    expect(sop(['run', 'closing', '--answers', '-'], { env, input: answers }).code).toBe(0);
    const calls = join(home, 'data', 'sop-runner', 'journal', 'calls');
    const journal = join(calls, readdirSync(calls).find((name) => name.endsWith('.jsonl'))!);
    const before = readFileSync(journal, 'utf8');
    for (const args of [['graph', 'closing', '-o', journal], ['docs', 'closing', '-o', journal], ['graph', 'closing', '--format', 'text', '-o', join(calls, 'x.txt')]]) {
      const result = sop(args, { env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/inside the journal folder/);
    }
    expect(readFileSync(journal, 'utf8')).toBe(before);
    expect(sop(['log', 'verify'], { env }).code).toBe(0);
  });
});
