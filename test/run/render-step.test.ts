import { describe, expect, it } from 'vitest';
import { renderStep } from '../../src/shell/tui/render-step.js';
import { referral, viewOf } from './views.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('renderStep', () => {
  it('shows header, text, the script set apart, and the keys (English)', () => {
    const screen = renderStep(viewOf('greet'), 'en', 80, { color: false });
    const lines = screen.split('\n');
    expect(lines[0]).toMatch(/^Test intake +intake\/greet · 01:23$/);
    expect(screen).toContain('Greet the caller');
    expect(screen).toContain('│ Say:\n│ Hello, you are through to the test line.');
    expect(screen).toContain('Enter continue');
    expect(lines.at(-1)).toBe('? guidance · b back · n note · ! Immediate danger · q quit');
    expect(screen).not.toMatch(ANSI);
  });

  it('speaks Ukrainian, tool words and SOP texts alike', () => {
    const screen = renderStep(viewOf('greet'), 'uk', 80, { color: false });
    expect(screen.split('\n')[0]).toMatch(/^Тестовий прийом/);
    expect(screen).toContain('│ Скажіть:\n│ Добрий день, це тестова лінія.');
    expect(screen).toContain('? порада · b назад · n нотатка · ! Безпосередня небезпека · q вийти');
    expect(screen).toContain('Enter далі');
  });

  it('numbers the options and marks the highlighted one', () => {
    const view = viewOf('safe');
    const screen = renderStep({ ...view, ui: { ...view.ui, cursor: 1 } }, 'en', 80, { color: false });
    expect(screen).toContain('  1  Yes, safe\n❯ 2  No, not safe');
  });

  it('shows ticks on a checklist and how many are ticked', () => {
    const view = viewOf('signs');
    const screen = renderStep({ ...view, ui: { ...view.ui, checked: ['unpaid', 'documents'] } }, 'en', 80, { color: false });
    expect(screen).toContain('❯ [x] 1  Documents taken\n  [x] 2  Wages withheld\n  [ ] 3  Not free to leave');
    expect(screen).toContain('2 ticked');
  });

  it('shows the typed answer, the allowed range, the sensitivity and the Esc keys on an input step', () => {
    const view = viewOf('age');
    const screen = renderStep({ ...view, ui: { ...view.ui, line: '4x' } }, 'en', 80, { color: false });
    expect(screen).toContain('Answer: 4x');
    expect(screen).toContain('a number 0–120');
    expect(screen).toContain('Sensitive: this answer is never saved in clear.');
    expect(screen).toContain('Esc, then: ? guidance · b back');
  });

  it('shows the depth inside a called SOP', () => {
    const screen = renderStep(viewOf('offer', {}, referral), 'en', 80, { color: false });
    expect(screen.split('\n')[0]).toMatch(/^Test intake › Referral +referral\/offer · 01:23$/);
  });

  it('shows guidance and its source on demand, and a refusal message', () => {
    const view = viewOf('greet');
    const screen = renderStep(
      { ...view, ui: { ...view.ui, guidance: true, message: { text: { en: 'Not a number', uk: 'Не число' }, tone: 'warn' } } },
      'uk',
      80,
      { color: false },
    );
    expect(screen).toContain('Порада\nГоворіть повільно і спокійно.\nДжерело: WHO 2003, do no harm');
    expect(screen).toContain('Не число');
  });

  it('asks before quitting and shows the note line', () => {
    const view = viewOf('greet');
    expect(renderStep({ ...view, ui: { ...view.ui, mode: 'confirm-quit' } }, 'en', 200, { color: false })).toMatch(
      /Stop this call now\?.*y = stop · n = stay$/,
    );
    expect(renderStep({ ...view, ui: { ...view.ui, mode: 'note', note: 'calls back at 5' } }, 'en', 80, { color: false })).toMatch(
      /Note \(one line, Enter save, Esc cancel\):\n> calls back at 5 $/,
    );
  });

  it('neutralises escape sequences and control characters from SOP text', () => {
    const view = viewOf('greet');
    const hostile = { ...view.step, text: 'Hi\u001b[2J\u001b]0;pwned\u0007 there\u0007\u009b31m' } as typeof view.step;
    const screen = renderStep({ ...view, step: hostile }, 'en', 80, { color: false });
    expect(screen).toContain('Hi there');
    // eslint-disable-next-line no-control-regex
    expect(screen).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('colours only when asked to', () => {
    expect(renderStep(viewOf('safe'), 'en', 80, { color: true })).toMatch(ANSI);
  });

  it('wraps long text to the width', () => {
    const view = viewOf('greet');
    const long = { ...view.step, text: 'word '.repeat(40).trim() } as typeof view.step;
    const lines = renderStep({ ...view, step: long }, 'en', 40, { color: false }).split('\n');
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines.filter((l) => l.startsWith('word')).length).toBeGreaterThanOrEqual(5);
  });

  it('fits a short window: guidance goes first, then the end of the text; header, options and keys stay', () => {
    const view = viewOf('safe');
    const long = { ...view.step, text: 'line\n'.repeat(30).trim(), guidance: 'advice\n'.repeat(10).trim() } as typeof view.step;
    const tall = { ...view, step: long, ui: { ...view.ui, guidance: true } };
    for (const height of [12, 20, 40]) {
      const lines = renderStep(tall, 'en', 80, { color: false, height }).split('\n');
      expect(lines.length).toBeLessThanOrEqual(height);
      expect(lines[0]).toMatch(/^Test intake/);
      expect(lines).toContain('❯ 1  Yes, safe');
      expect(lines).toContain('  2  No, not safe');
      expect(lines.at(-1)).toContain('q quit');
      expect(lines.some((l) => l.startsWith('… (enlarge the window') || /^\d+–\d+ of \d+/.test(l))).toBe(true);
    }
    const roomy = renderStep(tall, 'en', 80, { color: false, height: 80 });
    expect(roomy).not.toContain('enlarge the window');
    expect(roomy.split('\n').filter((l) => l === 'advice')).toHaveLength(10);
  });

  it('wraps long option labels under themselves and keeps the header on one line', () => {
    const view = viewOf('safe');
    const long = {
      ...view.step,
      options: [
        { id: 'a', label: 'a very long option label that goes on and on well past the width' },
        { id: 'b', label: 'short' },
      ],
    } as typeof view.step;
    const trail = ['A very long SOP title that is long', 'Another quite long called SOP title', 'And a third one'];
    const lines = renderStep({ ...view, step: long, trail }, 'en', 40, { color: false }).split('\n');
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    // Earlier titles give way whole; the current one is never cut at its start.
    expect(lines[0]).toMatch(/^… › And a third one +intake\/safe · 01:23$/);
    const at = lines.indexOf('❯ 1  a very long option label that goes');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('     on and on well past the width');
    expect(lines).toContain('  2  short');
    // The keys wrap between items, never inside one.
    expect(lines.slice(-2)).toEqual(['? guidance · b back · n note', '! Immediate danger · q quit']);
  });

  it('shows warnings from before the call in yellow above the keys, neutralised, wrapped and capped', () => {
    const notices = ['warning: /data can be reached by other users \u001b[2Jof this computer (mode 0755). Fix: chmod 700 \'/data\'', 'key\nbroken'];
    const lines = renderStep(viewOf('safe', { notices }), 'en', 60, { color: false }).split('\n');
    const rule = lines.lastIndexOf('─'.repeat(60));
    expect(lines.slice(rule - 5, rule)).toEqual([
      '  2  No, not safe',
      '',
      '⚠ warning: /data can be reached by other users of this',
      "  computer (mode 0755). Fix: chmod 700 '/data'",
      '⚠ key broken',
    ]);
    const coloured = renderStep(viewOf('safe', { notices }), 'en', 60, { color: true });
    expect(coloured).toContain('\u001b[33m⚠ key broken\u001b[39m');
    expect(coloured).not.toContain('\u001b[2J');
    // More than six lines: five, then how many more, in the session's language.
    const many = Array.from({ length: 8 }, (_, i) => `notice ${i + 1}`);
    const uk = renderStep(viewOf('safe', { notices: many }), 'uk', 60, { color: false }).split('\n');
    const warned = uk.filter((l) => l.startsWith('⚠'));
    expect(warned).toEqual(['⚠ notice 1', '⚠ notice 2', '⚠ notice 3', '⚠ notice 4', '⚠ notice 5', '⚠ … ще рядків: 3, їх видно після дзвінка']);
    expect(renderStep(viewOf('safe'), 'en', 60, { color: false })).not.toContain('⚠');
  });
});

describe('renderStep in a small window', () => {
  const view = viewOf('signs');
  const options = Array.from({ length: 17 }, (_, i) => ({ id: `o${i + 1}`, label: `Option ${i + 1}`, hint: 'a hint under the option' }));
  const long = { ...view.step, options } as typeof view.step;
  const at = (cursor: number, lang: 'en' | 'uk' = 'en'): string[] =>
    renderStep({ ...view, step: long, ui: { ...view.ui, cursor } }, lang, 80, { color: false, height: 24 }).split('\n');

  it('pages a long list with the cursor, says which part is shown, keeps the question and the keys', () => {
    for (const cursor of [0, 7, 16]) {
      const lines = at(cursor);
      expect(lines.length).toBeLessThanOrEqual(24);
      expect(lines).toContain('Which signs are present?');
      expect(lines.some((l) => l.startsWith(`❯ [ ] ${String(cursor + 1).padStart(2)}  Option ${cursor + 1}`))).toBe(true);
      expect(lines.some((l) => /^\d+–\d+ of 17 {2}↑↓ scroll$/.test(l))).toBe(true);
      expect(lines.at(-1)).toContain('q quit');
    }
    expect(at(16).some((l) => l.includes('Option 1 '))).toBe(false);
    expect(at(16, 'uk').some((l) => / з 17 {2}↑↓ гортати$/.test(l))).toBe(true);
  });

  it('the footer names the digit keys there are', () => {
    expect(at(0).join('\n')).toContain('↑↓ move · Space or 1-9 tick · Enter confirm');
    expect(renderStep(viewOf('safe'), 'en', 80, { color: false })).toContain('↑↓ or 1-2 choose · Enter confirm');
  });

  it('measures by display width: a wide-character title is cut at its end, lines fit the columns', () => {
    const wide = renderStep({ ...viewOf('safe'), trail: ['危险危险危险危险危险危险危险危险危险危险危险危险危险危险危险危险危险危险危险危险危险'] }, 'en', 60, { color: false }).split('\n');
    expect(wide[0]).toMatch(/^危险.*… +intake\/safe · 01:23$/);
  });

  it('going back to a say step shows no empty "Before going back" line; a typed answer comes back pre-filled', () => {
    const greet = viewOf('greet', { previous: { step: 'intake/greet', answer: { kind: 'continue' }, value: null, sensitive: false } });
    expect(renderStep(greet, 'en', 80, { color: false })).not.toContain('Before going back');
  });

  it('shows PRACTICE in the header in training', () => {
    expect(renderStep(viewOf('safe', { practice: true }), 'en', 80, { color: false }).split('\n')[0]).toMatch(/^PRACTICE Test intake/);
    expect(renderStep(viewOf('safe', { practice: true }), 'uk', 80, { color: false }).split('\n')[0]).toMatch(/^ТРЕНУВАННЯ /);
  });
});

describe('back to an input step', () => {
  it('pre-fills the typed answer, a sensitive one too (on screen only)', async () => {
    const { initialUi } = await import('../../src/shell/tui/step-view.js');
    const age = viewOf('age').step;
    const ui = initialUi(age, { step: 'intake/age', answer: { kind: 'value', raw: '34' }, value: 34, sensitive: true });
    expect(ui.line).toBe('34');
    expect(renderStep(viewOf('age', { ui }), 'en', 80, { color: false })).toContain('Answer: 34');
  });
});
