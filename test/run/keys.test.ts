import { say } from '../../src/core/model/message.js';
import { describe, expect, it } from 'vitest';
import { handleKey, type Key } from '../../src/shell/tui/keyboard.js';
import type { StepView } from '../../src/shell/tui/step-view.js';
import { viewOf } from './views.js';

const k = (sequence: string, name?: string, ctrl = false): Key => ({ sequence, name: name ?? sequence, ctrl });
const ENTER = k('\r', 'return');
const UP = k('\u001b[A', 'up');
const DOWN = k('\u001b[B', 'down');
const ESC = k('\u001b', 'escape');

/** Presses keys in turn; returns the last view and every action produced. */
function press(view: StepView, ...keys: Key[]) {
  const actions = [];
  let current = view;
  for (const key of keys) {
    const result = handleKey(current, key);
    current = { ...current, ui: result.ui };
    if (result.action) actions.push(result.action);
  }
  return { view: current, actions };
}

describe('handleKey', () => {
  it('continues a say step with Enter', () => {
    expect(press(viewOf('greet'), ENTER).actions).toEqual([{ type: 'command', command: { type: 'answer', answer: { kind: 'continue' } } }]);
  });

  it('selects with arrows (wrapping) or numbers, and confirms with Enter', () => {
    const option = (id: string) => ({ type: 'command', command: { type: 'answer', answer: { kind: 'option', option: id } } });
    expect(press(viewOf('safe'), DOWN, ENTER).actions).toEqual([option('no')]);
    expect(press(viewOf('safe'), UP, ENTER).actions).toEqual([option('no')]);
    expect(press(viewOf('safe'), k('2'), k('1'), ENTER).actions).toEqual([option('yes')]);
    expect(press(viewOf('safe'), k('7')).view.ui.cursor).toBe(0);
  });

  it('ticks with space or numbers, and answers in the SOP order', () => {
    const { actions } = press(viewOf('signs'), k('3'), k('1'), k('2'), k('2'), k(' ', 'space'), ENTER);
    // 3 ticked, 1 ticked, 2 ticked then unticked, then space at the cursor (2) ticks it again.
    expect(actions).toEqual([
      { type: 'command', command: { type: 'answer', answer: { kind: 'checked', options: ['documents', 'unpaid', 'locked'] } } },
    ]);
    expect(press(viewOf('signs'), ENTER).actions[0]).toEqual({
      type: 'command',
      command: { type: 'answer', answer: { kind: 'checked', options: [] } },
    });
  });

  it('edits an input line, Cyrillic included, and sends the raw text', () => {
    const { view, actions } = press(viewOf('age'), k('4'), k('b'), k('\u007f', 'backspace'), k('2'), k('ї', undefined), ENTER);
    expect(view.ui.line).toBe('42ї');
    expect(actions).toEqual([{ type: 'command', command: { type: 'answer', answer: { kind: 'value', raw: '42ї' } } }]);
  });

  it('on an input step, command keys come after Esc; other keys return to typing', () => {
    expect(press(viewOf('age'), ESC, k('b')).actions).toEqual([{ type: 'command', command: { type: 'back' } }]);
    const typed = press(viewOf('age'), ESC, k('7'));
    expect(typed.view.ui).toMatchObject({ mode: 'step', line: '7' });
    expect(press(viewOf('age'), ESC, k('!')).actions).toEqual([{ type: 'command', command: { type: 'interrupt', key: '!' } }]);
  });

  it('b goes back, interrupt keys interrupt, ? toggles guidance', () => {
    expect(press(viewOf('safe'), k('b')).actions).toEqual([{ type: 'command', command: { type: 'back' } }]);
    expect(press(viewOf('safe'), k('!')).actions).toEqual([{ type: 'command', command: { type: 'interrupt', key: '!' } }]);
    expect(press(viewOf('safe'), k('?')).view.ui.guidance).toBe(true);
    expect(press(viewOf('safe'), k('?'), k('?')).view.ui.guidance).toBe(false);
  });

  it('takes a one-line note; Esc cancels; an empty note is not sent', () => {
    expect(press(viewOf('safe'), k('n'), k('h'), k('i'), ENTER).actions).toEqual([{ type: 'command', command: { type: 'note', text: 'hi' } }]);
    expect(press(viewOf('safe'), k('n'), k('h'), ESC, ENTER).actions).toEqual([
      { type: 'command', command: { type: 'answer', answer: { kind: 'option', option: 'yes' } } },
    ]);
    const empty = press(viewOf('safe'), k('n'), k(' ', 'space'), ENTER);
    expect(empty.actions).toEqual([]);
    expect(say('en', empty.view.ui.message!.text)).toBe('Empty note not saved.');
    // Keys typed in a note are text, not commands.
    expect(press(viewOf('safe'), k('n'), k('q'), k('b'), k('!')).view.ui).toMatchObject({ mode: 'note', note: 'qb!' });
  });

  it('q asks first: y quits, anything else stays', () => {
    expect(press(viewOf('safe'), k('q'), k('y')).actions).toEqual([{ type: 'quit' }]);
    const stay = press(viewOf('safe'), k('q'), k('n'));
    expect(stay.actions).toEqual([]);
    expect(stay.view.ui.mode).toBe('step');
  });

  it('Ctrl+C interrupts from anywhere', () => {
    for (const view of [viewOf('greet'), viewOf('age'), press(viewOf('safe'), k('n')).view]) {
      expect(press(view, k('\u0003', 'c', true)).actions).toEqual([{ type: 'sigint' }]);
    }
  });

  it('letter keys work by the physical key with a Ukrainian layout or Caps Lock (й q, и b, т n, н y)', () => {
    expect(press(viewOf('safe'), k('и')).actions).toEqual([{ type: 'command', command: { type: 'back' } }]);
    expect(press(viewOf('safe'), k('B')).actions).toEqual([{ type: 'command', command: { type: 'back' } }]);
    expect(press(viewOf('safe'), k('т')).view.ui.mode).toBe('note');
    expect(press(viewOf('safe'), k('й'), k('н')).actions).toEqual([{ type: 'quit' }]);
    // т is the physical "n" key: in the quit question it means stay, never quit.
    expect(press(viewOf('safe'), k('Й'), k('т')).actions).toEqual([]);
  });
});
