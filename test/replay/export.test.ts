import { describe, expect, it } from 'vitest';
import type { JournalLine } from '../../src/core/record/journal-line.js';
import { anonymiseLine } from '../../src/shell/commands/export.js';

const envelope = { v: 1 as const, session: '20261102-0900-abcd', seq: 0, at: '2026-11-02T09:00:00.000Z', ms: 0, prev: '0'.repeat(64) };

describe('anonymiseLine', () => {
  it('removes operator and trainee names and absolute SOP paths from session-start', () => {
    const line = {
      ...envelope,
      type: 'session-start',
      sop: 'hotline',
      version: '1.0.0',
      files: [
        { sop: 'hotline', file: '/home/olena/hotline/sops/hotline.sop.yaml', sha256: 'a'.repeat(64) },
        { sop: 'safety', file: 'sops/safety.sop.yaml', sha256: 'b'.repeat(64) },
      ],
      operator: 'Olena',
      lang: 'uk',
      tool: '0.1.0',
      mode: 'training',
      trainee: 'Petro',
    } as JournalLine;
    const out = anonymiseLine(line) as Record<string, unknown>;
    expect(out['operator']).toBe('redacted');
    expect(out['trainee']).toBe('redacted');
    expect(out['files']).toEqual([
      { sop: 'hotline', file: 'hotline.sop.yaml', sha256: 'a'.repeat(64) },
      { sop: 'safety', file: 'sops/safety.sop.yaml', sha256: 'b'.repeat(64) },
    ]);
    expect('prev' in out).toBe(false);
  });

  it('redacts a sensitive answer even if the journal line was not, and every note', () => {
    const answer = {
      ...envelope,
      type: 'answer',
      step: 'hotline/age',
      answer: { kind: 'value', raw: '16' },
      value: 16,
      sensitive: true,
    } as JournalLine;
    expect(anonymiseLine(answer)).toMatchObject({ answer: { kind: 'value', raw: '[redacted]' }, value: '[redacted]', redacted: true, seq: 0 });
    const note = { ...envelope, type: 'note', step: 'hotline/age', text: 'lives at 5 Main St' } as JournalLine;
    expect(anonymiseLine(note)).toMatchObject({ text: '[redacted]', redacted: true });
    const plain = { ...envelope, type: 'step-shown', step: 'hotline/greet', kind: 'say' } as JournalLine;
    const { prev: _prev, ...withoutPrev } = plain;
    expect(anonymiseLine(plain)).toEqual(withoutPrev);
  });
});
