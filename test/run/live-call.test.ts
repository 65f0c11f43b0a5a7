import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCall } from '../../src/core/engine/start-call.js';
import { openSessionWriter } from '../../src/shell/journal/writer.js';
import { runLiveCall } from '../../src/shell/tui/live-call.js';
import { fixtureLibrary } from './fixture-library.js';

const library = fixtureLibrary();
const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function terminal(): { input: PassThrough; output: Writable & { text: string } } {
  const output = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        output.text += String(chunk);
        done();
      },
    }),
    { text: '' },
  );
  return { input: new PassThrough(), output };
}

describe('runLiveCall', () => {
  it('stops the call when the journal cannot be written, tells the counsellor to continue on paper, exit 2', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sop-live-'));
    dirs.push(dataDir);
    let writes = 0;
    const writer = await openSessionWriter({
      dataDir,
      mode: 'live',
      now: () => new Date(),
      monotonic: () => performance.now(),
      fs: {
        writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
          // The first answer's line hits a full disk.
          if (++writes > 3) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          return (fs.writeSync as (...a: unknown[]) => number)(...args);
        }) as typeof fs.writeSync,
      },
    });
    const started = startCall(library, 'intake');
    if (!started.ok) throw new Error('cannot start');
    writer.appendEvents(started.events);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { input, output } = terminal();
    const done = runLiveCall({ library, state: started.state, lang: 'en', writer, input: input as never, output: output as never });
    await new Promise((r) => setTimeout(r, 50));
    input.write('\r');
    expect(await done).toBe(2);
    const said = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(said).toContain('STOP: the call journal cannot be written. Continue this call on paper.');
    expect(said).toContain('the disk is full');
    // The answer that could not be recorded was not shown as accepted: no next screen.
    expect(output.text).not.toContain('Can the caller talk safely?');
    // What was written is intact: whole lines only, nothing torn, no answer.
    const file = readFileSync(writer.file, 'utf8');
    expect(file.endsWith('\n')).toBe(true);
    const types = file.slice(0, -1).split('\n').map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types.length).toBeGreaterThan(0);
    expect(types).not.toContain('answer');
  });
});
