/**
 * sop stats counts each call as it is read (a FigureTally fed by foldJournal): the same
 * figures and notices as reading the journal whole (readJournal + computeFigures), also on files
 * whose calls interleave, lack a start or an end, or hold damaged lines; and a journal with a
 * call's line after its end (an edited file) is left to the whole read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFigures, type FigureOptions } from '../../src/core/stats/compute-figures.js';
import { journalFigures } from '../../src/shell/commands/stats.js';
import { foldJournal, SessionReopened, type CallFolder } from '../../src/shell/journal/each-session.js';
import { listJournalFiles } from '../../src/shell/journal/files.js';
import { readJournal } from '../../src/shell/journal/reader.js';
import { runSop } from '../graph/run-sop.js';
import { standardJournal } from './make-journal.js';

const options: FigureOptions = { mode: 'live', categoryOf: (outcome) => (outcome.endsWith('referred') ? 'referral' : undefined) };

function streamed(dataDir: string, figureOptions = options): { figures: unknown; notices: string[] } {
  return journalFigures(dataDir, 'live', 'en', figureOptions);
}

function whole(dataDir: string, figureOptions = options): { figures: unknown; notices: string[] } {
  const { sessions, notices } = readJournal(dataDir, 'live');
  return { figures: computeFigures(sessions, figureOptions), notices };
}

/** The ids of the calls foldJournal hands over (line by line or whole), with how each ended. */
function folded(dataDir: string): string[] {
  const calls: string[] = [];
  const folder: CallFolder<{ id: string; lines: number }> = {
    begin: (start) => ({ id: start.session, lines: 1 }),
    line: (call) => {
      call.lines++;
    },
    end: (call, how) => calls.push(`${call.id} ${how.status} ${call.lines}`),
    whole: (session) => calls.push(`${session.id} ${session.status} ${session.lines.length}`),
  };
  foldJournal(dataDir, 'live', 'en', folder);
  return calls.sort();
}

/** Each journal file's lines, by call. */
function callsOf(file: string): string[][] {
  const calls = new Map<string, string[]>();
  for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l !== '')) {
    const id = (JSON.parse(line) as { session: string }).session;
    calls.set(id, [...(calls.get(id) ?? []), line]);
  }
  return [...calls.values()];
}

/** The journal file holding the most calls. */
function busiestFile(dataDir: string): string {
  return listJournalFiles(dataDir, 'live').sort((x, y) => callsOf(y).length - callsOf(x).length)[0]!;
}

describe('sop stats reading the journal as a stream', () => {
  it('gives the figures of the whole read, in and out of a period', async () => {
    const dataDir = await standardJournal();
    expect(streamed(dataDir)).toEqual(whole(dataDir));
    const november = { ...options, since: '2026-11-03', until: '2026-11-09' };
    expect(streamed(dataDir, november)).toEqual(whole(dataDir, november));
  });

  it('gives the same calls, figures and notices when calls interleave (a resumed call), lack a start or an end, or a line is damaged', async () => {
    const dataDir = await standardJournal();
    const file = busiestFile(dataDir);
    const [a, b, c, d, ...rest] = callsOf(file);
    const lines = [
      ...a!.slice(0, 3), // a call interrupted here...
      ...b!.slice(1), // a call whose start line is lost
      'damaged',
      ...a!.slice(3), // ...resumed after another call
      ...c!.slice(0, -1), // a call without its end
      ...d!,
      ...rest.flat(),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = streamed(dataDir);
    expect(result).toEqual(whole(dataDir));
    expect(folded(dataDir)).toEqual(readJournal(dataDir, 'live').sessions.map((s) => `${s.id} ${s.status} ${s.lines.length}`).sort());
    expect(result.notices).toEqual([expect.stringMatching(/:\d+: damaged line/), expect.stringMatching(/has no session-start line/)]);
    expect((result.figures as { unfinished: number }).unfinished).toBeGreaterThan(0);
  });

  it('gives up on a journal with a line of a call after its end or out of order, which the whole read handles', async () => {
    const dataDir = await standardJournal();
    const file = busiestFile(dataDir);
    const calls = readJournal(dataDir, 'live').sessions.length;
    const [a, ...rest] = callsOf(file);
    writeFileSync(file, `${[...a!, ...rest[0]!, a![1]!, ...rest.slice(1).flat()].join('\n')}\n`);
    expect(() => folded(dataDir)).toThrow(SessionReopened);
    expect(streamed(dataDir)).toEqual(whole(dataDir));
    // Lines of a call out of seq order (swapped): the same.
    const [b, ...others] = callsOf(file);
    writeFileSync(file, `${[b![0]!, b![2]!, b![1]!, ...b!.slice(3), ...others.flat()].join('\n')}\n`);
    expect(() => folded(dataDir)).toThrow(SessionReopened);
    expect(streamed(dataDir)).toEqual(whole(dataDir));
    // sop stats itself reads such a journal whole: the figures of every call, no error.
    const run = runSop(['stats', '--format', 'json', '--raw', '--sops', 'test/stats/fixtures', '--data-dir', dataDir]);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { calls: number }).calls).toBe(calls);
  });
});
