/**
 * The exported call fixtures in fixtures/calls/ are produced here: scripted calls are recorded
 * through the engine and the journal writer, then exported with `exportSession`. The test checks
 * that the committed files are exactly what that produces today (apart from the random session
 * ids and the hash chain that follows from them); SOP_WRITE_FIXTURES=1 rewrites them.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/shell/journal/reader.js';
import { exportSession } from '../../src/shell/commands/export.js';
import { fixtureLibrary } from '../check/helpers.js';
import { FIXTURE_CALLS, recordCalls } from './record-calls.js';

const CALLS_DIR = new URL('./fixtures/calls/', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'sop-replay-fixtures-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A line without what differs between two recordings of the same call. */
function stable(text: string): unknown[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const { session: _session, prev: _prev, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return rest;
    });
}

describe('replay fixtures', () => {
  it('are the export of calls recorded by driving the engine', async () => {
    const library = fixtureLibrary();
    const ids = await recordCalls(library, FIXTURE_CALLS, dataDir);
    const { sessions } = readJournal(dataDir, 'live');
    expect(sessions.map((session) => session.id)).toEqual(ids);
    for (const [index, call] of FIXTURE_CALLS.entries()) {
      const session = sessions[index];
      if (!session) throw new Error('missing session');
      const exported = exportSession(session);
      const file = join(CALLS_DIR, `${call.name}.jsonl`);
      if (process.env['SOP_WRITE_FIXTURES'] === '1') writeFileSync(file, exported);
      expect(stable(readFileSync(file, 'utf8')), call.name).toEqual(stable(exported));
    }
    expect(readdirSync(CALLS_DIR).sort()).toEqual(FIXTURE_CALLS.map((call) => `${call.name}.jsonl`).sort());
  });
});
