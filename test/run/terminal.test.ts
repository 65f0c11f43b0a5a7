import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openTerminal, TerminalGone } from '../../src/shell/tui/terminal.js';

function streams() {
  const input = new PassThrough();
  let written = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  return { input: input as unknown as NodeJS.ReadStream, raw: input, output: output as unknown as NodeJS.WriteStream, written: () => written };
}

describe('openTerminal', () => {
  it('turns bytes into key presses (arrows, Enter, Cyrillic) in order', async () => {
    const s = streams();
    const io = openTerminal(s.input, s.output);
    s.raw.write('\u001b[Bї\r');
    expect(await io.nextKey()).toMatchObject({ name: 'down' });
    expect(await io.nextKey()).toMatchObject({ sequence: 'ї' });
    expect(await io.nextKey()).toMatchObject({ name: 'return' });
    io.close();
  });

  it('draws whole screens from the top and gives the terminal back on close', () => {
    const s = streams();
    const io = openTerminal(s.input, s.output);
    io.draw('one\ntwo');
    expect(s.written()).toContain('\u001b[?1049h\u001b[?25l');
    expect(s.written()).toContain('\u001b[Hone\u001b[K\ntwo\u001b[K\u001b[J');
    io.close();
    io.close();
    expect(s.written().endsWith('\u001b[?25h\u001b[?1049l')).toBe(true);
  });

  it('drops type-ahead on request', async () => {
    const s = streams();
    const io = openTerminal(s.input, s.output);
    s.raw.write('ab');
    await new Promise((r) => setTimeout(r, 10));
    io.discardPending?.();
    s.raw.write('c');
    expect(await io.nextKey()).toMatchObject({ sequence: 'c' });
    io.close();
  });

  it('reports a terminal that went away (stdin ended) as TerminalGone', async () => {
    const s = streams();
    const io = openTerminal(s.input, s.output);
    const pending = io.nextKey();
    s.raw.end();
    await expect(pending).rejects.toBeInstanceOf(TerminalGone);
    expect(io.isGone?.()).toBe(true);
    await expect(io.nextKey()).rejects.toBeInstanceOf(TerminalGone);
    io.close();
  });

  it('rejects a waiting key when the signal aborts', async () => {
    const s = streams();
    const controller = new AbortController();
    const io = openTerminal(s.input, s.output, controller.signal);
    const pending = io.nextKey();
    controller.abort('sigterm');
    await expect(pending).rejects.toBe('sigterm');
    io.close();
  });
});
