/**
 * Key handling for one screen, as a pure function: (screen, key) -> new screen state and maybe
 * an action for the loop (a command for the engine, quit, Ctrl+C). The same keys everywhere:
 * arrows or 1-9 choose, Space ticks, Enter confirms, ? guidance, b back, n note, q quit, and
 * the SOP's interrupt keys. On input steps letters are typed, so the command keys come after Esc.
 */
import type { Answer, Command } from '../../core/engine/types.js';
import type { StepView, UiState } from './step-view.js';
import { WORDS } from './words.js';

/** A key press as node:readline's keypress event gives it. */
export interface Key {
  readonly name?: string | undefined;
  readonly ctrl?: boolean | undefined;
  readonly meta?: boolean | undefined;
  readonly sequence?: string | undefined;
}

type KeyAction =
  | { readonly type: 'command'; readonly command: Command }
  /** Quit confirmed with y. */
  | { readonly type: 'quit' }
  /** Ctrl+C. */
  | { readonly type: 'sigint' };

export interface KeyResult {
  readonly ui: UiState;
  readonly action?: KeyAction;
}

/**
 * The runner's letter keys by the physical key, so they work with a Ukrainian keyboard layout
 * active (and with Caps Lock): q/й quit, b/и back, n/т note, y/н yes.
 */
const LETTERS: { readonly [typed: string]: string } = {
  q: 'q', Q: 'q', й: 'q', Й: 'q',
  b: 'b', B: 'b', и: 'b', И: 'b',
  n: 'n', N: 'n', т: 'n', Т: 'n',
  y: 'y', Y: 'y', н: 'y', Н: 'y',
};

function letter(key: Key): string | undefined {
  return key.sequence === undefined ? undefined : LETTERS[key.sequence];
}

export function handleKey(view: StepView, key: Key): KeyResult {
  if (key.ctrl && key.name === 'c') return { ui: view.ui, action: { type: 'sigint' } };
  const ui: UiState = { ...view.ui, message: undefined };
  switch (ui.mode) {
    case 'confirm-quit':
      if (letter(key) === 'y') return { ui, action: { type: 'quit' } };
      return { ui: { ...ui, mode: 'step' } };
    case 'note':
      return noteKey(ui, key);
    case 'keys': {
      const result = commandKey(view, ui, key);
      if (result) return result;
      // Any other key goes back to typing, and is typed.
      return handleKey({ ...view, ui: { ...ui, mode: 'step' } }, key);
    }
    case 'step':
      if (view.step.kind === 'input') return inputKey(ui, key);
      return commandKey(view, ui, key) ?? choiceKey(view, ui, key);
  }
}

/** ? b n q and interrupt keys; undefined when the key is none of them. */
function commandKey(view: StepView, ui: UiState, key: Key): KeyResult | undefined {
  if (key.ctrl || key.meta) return undefined;
  const ch = key.sequence;
  const back = { ...ui, mode: 'step' as const };
  if (ch === '?') return { ui: { ...back, guidance: !ui.guidance } };
  const runnerKey = letter(key);
  if (runnerKey === 'b') return { ui: back, action: { type: 'command', command: { type: 'back' } } };
  if (runnerKey === 'n') return { ui: { ...ui, mode: 'note', note: '' } };
  if (runnerKey === 'q') return { ui: { ...ui, mode: 'confirm-quit' } };
  const interrupt = view.interrupts.find((i) => i.key === ch);
  if (interrupt) return { ui: back, action: { type: 'command', command: { type: 'interrupt', key: interrupt.key } } };
  if (ui.mode === 'keys' && key.name === 'escape') return { ui: back };
  return undefined;
}

function choiceKey(view: StepView, ui: UiState, key: Key): KeyResult {
  const step = view.step;
  const count = 'options' in step ? step.options.length : 0;
  if (key.name === 'up') return { ui: { ...ui, cursor: count ? (ui.cursor - 1 + count) % count : 0 } };
  if (key.name === 'down') return { ui: { ...ui, cursor: count ? (ui.cursor + 1) % count : 0 } };
  const digit = key.sequence && /^[1-9]$/.test(key.sequence) ? Number(key.sequence) - 1 : -1;
  if (step.kind === 'ask') {
    if (digit >= 0 && digit < count) return { ui: { ...ui, cursor: digit } };
    const option = step.options[ui.cursor];
    if (isEnter(key) && option) return answer(ui, { kind: 'option', option: option.id });
  } else if (step.kind === 'checklist') {
    const toggleAt = (index: number): KeyResult => {
      const id = step.options[index]?.id;
      if (id === undefined) return { ui };
      const checked = ui.checked.includes(id) ? ui.checked.filter((c) => c !== id) : [...ui.checked, id];
      return { ui: { ...ui, cursor: index, checked } };
    };
    if (digit >= 0 && digit < count) return toggleAt(digit);
    if (key.name === 'space') return toggleAt(ui.cursor);
    if (isEnter(key)) {
      // In the SOP's order, whatever order they were ticked in.
      const options = step.options.map((o) => o.id).filter((id) => ui.checked.includes(id));
      return answer(ui, { kind: 'checked', options });
    }
  } else if (step.kind === 'say') {
    if (isEnter(key)) return answer(ui, { kind: 'continue' });
  }
  return { ui };
}

function inputKey(ui: UiState, key: Key): KeyResult {
  if (isEnter(key)) return answer(ui, { kind: 'value', raw: ui.line });
  if (key.name === 'escape') return { ui: { ...ui, mode: 'keys' } };
  const line = editLine(ui.line, key);
  return { ui: { ...ui, line } };
}

function noteKey(ui: UiState, key: Key): KeyResult {
  if (key.name === 'escape') return { ui: { ...ui, mode: 'step', note: '' } };
  if (isEnter(key)) {
    const text = ui.note.trim();
    const done = { ...ui, mode: 'step' as const, note: '' };
    if (text === '') return { ui: { ...done, message: { text: WORDS.noteEmpty, tone: 'info' } } };
    return { ui: done, action: { type: 'command', command: { type: 'note', text } } };
  }
  return { ui: { ...ui, note: editLine(ui.note, key) } };
}

/** A one-line editor: printable characters append, Backspace deletes, Ctrl+U clears. */
function editLine(line: string, key: Key): string {
  if (key.name === 'backspace') return [...line].slice(0, -1).join('');
  if (key.ctrl && key.name === 'u') return '';
  if (key.ctrl || key.meta) return line;
  const ch = key.sequence ?? '';
  // Printable only: no control characters, no escape sequences (arrows...).
  // eslint-disable-next-line no-control-regex
  if (ch === '' || /[\u0000-\u001f\u007f-\u009f]/.test(ch)) return line;
  return line + ch;
}

function isEnter(key: Key): boolean {
  return key.name === 'return' || key.name === 'enter';
}

function answer(ui: UiState, value: Answer): KeyResult {
  return { ui, action: { type: 'command', command: { type: 'answer', answer: value } } };
}
