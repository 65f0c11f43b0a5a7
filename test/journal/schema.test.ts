/** schemas/journal.schema.json describes the lines the writer really writes, engine events included. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { startCall } from '../../src/core/engine/start-call.js';
import { step } from '../../src/core/engine/step.js';
import type { Command } from '../../src/core/engine/types.js';
import { readLibrary } from '../../src/shell/library/read-library.js';
import { startPayload, tempDir, writerFor } from './helpers.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'journal.schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);

describe('schemas/journal.schema.json', () => {
  it('accepts every line of a recorded call (every event type) and rejects a changed one', async () => {
    const { library } = await readLibrary([join(import.meta.dirname, '..', 'record', 'fixtures')], { cache: false });
    const dataDir = tempDir();
    const writer = await writerFor(dataDir);
    writer.append('session-start', startPayload({ mode: 'training', scenario: 'intake-basic', trainee: 'marta' }));
    const started = startCall(library, 'intake');
    if (!started.ok) throw new Error(started.refusal.code);
    writer.appendEvents(started.events);
    let state = started.state;
    const commands: Command[] = [
      { type: 'answer', answer: { kind: 'continue' } },
      { type: 'answer', answer: { kind: 'option', option: 'abroad' } },
      { type: 'back' },
      { type: 'answer', answer: { kind: 'option', option: 'home' } },
      { type: 'note', text: 'a note' },
      { type: 'answer', answer: { kind: 'value', raw: '' } },
      { type: 'answer', answer: { kind: 'checked', options: ['debt'] } },
      { type: 'answer', answer: { kind: 'option', option: 'yes' } },
    ];
    for (const command of commands) {
      const result = step(library, state, command);
      if (!result.ok) throw new Error(result.refusal.code);
      state = result.state;
      writer.appendEvents(result.events);
    }
    writer.append('interrupted', { reason: 'sigterm', at: 'intake/done' });
    writer.append('session-end', { outcome: 'intake/referred', referrals: ['la-strada'], durationMs: 5000 });
    writer.close();
    const lines = readFileSync(writer.file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const types = new Set(lines.map((l) => l['type']));
    for (const type of ['session-start', 'step-shown', 'answer', 'amend', 'back', 'note', 'sop-entered', 'sop-returned', 'call-ended', 'interrupted', 'session-end']) {
      expect(types, type).toContain(type);
    }
    for (const line of lines) expect(validate(line) ? 'valid' : JSON.stringify(validate.errors), JSON.stringify(line)).toBe('valid');

    expect(validate({ ...lines[1], kind: 'dance' })).toBe(false);
    expect(validate({ ...lines[1], extra: 1 })).toBe(false);
    const { prev: _prev, ...noPrev } = lines[1]!;
    expect(validate(noPrev)).toBe(false);
  });

  it('accepts the seal and sealed blocks that sealing adds, and nothing else unknown', () => {
    const envelope = { v: 1, session: '20261129-1302-k3f9', seq: 4, at: '2026-11-29T13:02:05.120Z', ms: 5120, prev: 'a'.repeat(64) };
    const note = { ...envelope, type: 'note', step: 'intake/where', text: '[redacted]', redacted: true };
    const seal = { alg: 'X25519-HKDF-SHA256-A256GCM', kid: '0123456789abcdef', epk: 'AAAA', n: 'AAAAAAAAAAAAAAAA', w: 'AAAA' };
    expect(validate({ ...note, seal, sealed: { k: 4, n: 'AAAAAAAAAAAAAAAA', c: 'AAAA' } })).toBe(true);
    expect(validate({ ...note, sealed: { k: 4, n: 'AAAA', c: 'AAAA', clear: 'x' } })).toBe(false);
    expect(validate({ ...note, secret: 'x' })).toBe(false);
    // A note still being typed when the call was interrupted.
    expect(validate({ ...note, unfinished: true })).toBe(true);
    expect(validate({ ...note, unfinished: false })).toBe(false);
  });

  it('accepts decision and interrupt events', () => {
    const envelope = { v: 1, session: '20261129-1302-k3f9', seq: 3, at: '2026-11-29T13:02:05.120Z', ms: 5120, prev: 'a'.repeat(64) };
    expect(validate({ ...envelope, type: 'decision', step: 'intake/check', branch: 0, to: 'intake/next' })).toBe(true);
    expect(validate({ ...envelope, type: 'interrupt', key: '!', from: 'intake/where', to: 'intake/danger' })).toBe(true);
  });

  it('accepts the optional branch taken on answer, amend and sop-returned, a non-negative integer', () => {
    const envelope = { v: 1, session: '20261129-1302-k3f9', seq: 3, at: '2026-11-29T13:02:05.120Z', ms: 5120, prev: 'a'.repeat(64) };
    const answer = { ...envelope, type: 'answer', step: 'intake/signs', answer: { kind: 'checked', options: [] }, value: [], sensitive: false };
    expect(validate(answer)).toBe(true);
    expect(validate({ ...answer, branch: 1 })).toBe(true);
    expect(validate({ ...answer, branch: -1 })).toBe(false);
    expect(validate({ ...answer, branch: '1' })).toBe(false);
    expect(validate({ ...answer, type: 'amend', original: { step: 'intake/signs', answer: { kind: 'checked', options: ['debt'] }, value: ['debt'], sensitive: false }, branch: 0 })).toBe(true);
    expect(validate({ ...envelope, type: 'sop-returned', sop: 'closing', outcome: 'closing/closed', to: 'intake/done', branch: 2 })).toBe(true);
  });
});
