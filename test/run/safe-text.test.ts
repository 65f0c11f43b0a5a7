import { describe, expect, it } from 'vitest';
import { safeLine, safeText } from '../../src/shell/text/safe-text.js';

describe('safeText', () => {
  it.each([
    ['colours and cursor moves', 'a\u001b[31mred\u001b[0m\u001b[2J\u001b[10;5Hb', 'aredb'],
    ['a window title (OSC, BEL and ST ends)', 'x\u001b]0;owned\u0007y\u001b]2;t\u001b\\z', 'xyz'],
    ['a hyperlink (OSC 8)', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['a device control string', 'p\u001bPq#0;2;0;0;0\u001b\\q', 'pq'],
    ['8-bit CSI and other C1 controls', 'a\u009b31mb\u0085c\u0090d', 'abcd'],
    ['C0 controls and DEL (bell, backspace, carriage return)', 'ab\u0007\u0008c\rd\u007f', 'abc\nd'],
    ['bidirectional overrides', 'safe\u202e txt.exe\u2066', 'safe txt.exe'],
  ])('removes %s', (_what, input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  it('keeps newlines, Ukrainian, emoji and punctuation; tabs become spaces', () => {
    expect(safeText('Привіт,\nсвіт!\t✓ «так» — 100%')).toBe('Привіт,\nсвіт! ✓ «так» — 100%');
  });

  it('safeLine folds newlines into spaces', () => {
    expect(safeLine('one\r\ntwo\n\nthree')).toBe('one two three');
  });

  it('the Unicode line and paragraph separators are newlines: kept as such by safeText, folded by safeLine', () => {
    expect(safeText('one\u2028two\u2029three')).toBe('one\ntwo\nthree');
    expect(safeLine('title\u2028\u2029rest')).toBe('title rest');
  });
});
