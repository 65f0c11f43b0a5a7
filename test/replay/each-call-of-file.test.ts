/** eachCallOfFile (replay --check's streaming read) gives the calls and notices of reading the file whole. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { byStart } from '../../src/core/record/group-sessions.js';
import { eachCallOfFile } from '../../src/shell/replay/each-call-of-file.js';
import { readRecordedCalls, type RecordedCall } from '../../src/shell/replay/read-recorded-calls.js';

const CALLS = 'test/replay/fixtures/calls';
const dir = mkdtempSync(join(tmpdir(), 'sop-each-call-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixtureLines = readdirSync(CALLS)
  .sort()
  .map((name) => readFileSync(join(CALLS, name), 'utf8').split('\n').filter((line) => line !== ''));

function both(name: string, lines: readonly string[], lang: 'en' | 'uk' = 'en'): { streamed: unknown; whole: unknown; seen: number } {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  let seen = 0;
  const { results, notices } = eachCallOfFile(file, lang, (call: RecordedCall) => {
    seen++;
    return call;
  });
  const whole = readRecordedCalls([file], { dataDir: dir, mode: 'live', lang });
  return { streamed: { calls: [...results].sort(byStart), notices }, whole, seen };
}

describe('eachCallOfFile', () => {
  it('hands over each call of a file of consecutive sessions once, with the notices of a whole read', () => {
    const lines = fixtureLines.flat();
    lines.splice(3, 0, 'damaged');
    lines.splice(12, 1); // a line missing in the middle of a call
    const { streamed, whole, seen } = both('consecutive.jsonl', lines, 'uk');
    expect(streamed).toEqual(whole);
    expect(seen).toBe((whole as { calls: unknown[] }).calls.length);
  });

  it('hands over a call that comes back after another (a resumed call) once, when it ends, with the result of a whole read', () => {
    const [first, second, ...rest] = fixtureLines;
    const resumed = [...first!.slice(0, 4), ...second!, ...first!.slice(4), ...rest.flat()];
    const { streamed, whole, seen } = both('resumed.jsonl', resumed);
    expect(streamed).toEqual(whole);
    expect((whole as { calls: unknown[] }).calls).toHaveLength(fixtureLines.length);
    expect(seen).toBe(fixtureLines.length);
  });

  it('reads the file whole when a call has a line after its end (an edited file), with the same result', () => {
    const [first, ...rest] = fixtureLines;
    const { streamed, whole } = both('after-end.jsonl', [...first!, ...rest[0]!, first![1]!, ...rest.slice(1).flat()]);
    expect(streamed).toEqual(whole);
    expect((whole as { calls: unknown[] }).calls).toHaveLength(fixtureLines.length);
  });

  it('reports sessions without a session-start line after the line notices, in order of appearance', () => {
    const [first, second] = fixtureLines;
    const lines = [...first!.slice(1), 'garbage', ...second!.slice(1), ...fixtureLines.slice(2).flat()];
    const { streamed, whole } = both('orphans.jsonl', lines);
    expect(streamed).toEqual(whole);
    expect((streamed as { notices: string[] }).notices).toEqual([
      expect.stringMatching(/damaged line/),
      expect.stringMatching(/has no session-start line/),
      expect.stringMatching(/has no session-start line/),
    ]);
  });
});
