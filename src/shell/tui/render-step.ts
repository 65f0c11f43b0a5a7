/**
 * One screen of a call, as a string: header (where the call is, elapsed time), the step's
 * text, the script to read aloud set apart, the options or the answer line, a message, the
 * guidance when asked for, and the footer of keys. Pure: no terminal, no clock.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { colorFor } from '../text/color.js';
import type { InputSpec, Localized } from '../../core/model/sop.js';
import { localize, say, type Lang } from '../i18n.js';
import { safeLine, safeText } from '../text/safe-text.js';
import { stepText } from './step-text.js';
import type { StepView } from './step-view.js';
import { LIST_WORDS, WORDS } from './words.js';
import { clockText, displayWidth, truncate, wrap } from '../text/wrap.js';
import { msg } from '../../core/model/message.js';

export interface RenderOptions {
  /** Colour on or off; default: FORCE_COLOR, else NO_COLOR, else whether stdout is a terminal. */
  readonly color?: boolean;
  /**
   * Rows available. When the step does not fit, the lines after the options (messages,
   * guidance) are cut, a long list pages with the cursor, then the script and the end of the
   * step's text are cut with a "…" line: the header, the question, the cursor and the keys stay.
   */
  readonly height?: number;
}

export function renderStep(view: StepView, lang: Lang, width: number, options: RenderOptions = {}): string {
  const c: ChalkInstance = options.color === undefined ? colorFor('stdout') : new Chalk({ level: options.color ? 1 : 0 });
  const w = Math.max(20, Math.min(width, 100));
  const context = { sop: view.sop, ...(view.vars ? { vars: view.vars } : {}) };
  const text = (value: Localized): string => stepText(value, lang, context);
  const line = (value: Parameters<typeof localize>[0]): string => safeLine(localize(value, lang));
  const rule = c.dim('─'.repeat(w));

  // Header: "Call › Referral" on the left, "sop/step · 03:12" on the right; PRACTICE in training.
  const practice = view.practice ? `${say(lang, WORDS.practice)} ` : '';
  const right = truncate(`${safeLine(view.sop)}/${safeLine(view.stepId)} · ${clockText(view.elapsedMs)}`, w - 12);
  const where = trailText(view.trail.map((t) => line(t)), Math.max(4, w - displayWidth(right) - displayWidth(practice) - 1));
  const gap = Math.max(1, w - displayWidth(practice) - displayWidth(where) - displayWidth(right));
  const header = [`${view.practice ? c.inverse.bold(practice.trimEnd()) + ' ' : ''}${c.bold(where)}${' '.repeat(gap)}${c.dim(right)}`, rule];
  const banner: string[] = [];
  for (const b of view.banner ?? []) banner.push(...wrap(safeText(b), w).map((l) => c.cyan(l)));
  if (banner.length) banner.push('');

  const step = view.step;
  const question = wrap(text(step.text), w).map((l) => c.bold(l));
  const script: string[] = [];
  if (step.say !== undefined) {
    script.push('');
    script.push(`${c.yellow('│')} ${c.yellow.bold(say(lang, WORDS.say))}`);
    for (const l of wrap(text(step.say), w - 2)) script.push(`${c.yellow('│')} ${l}`);
  }
  script.push('');

  // The options, one group of lines each (a long label wraps under itself).
  const ui = view.ui;
  const items: string[][] = [];
  const count = 'options' in step ? step.options.length : 0;
  const digits = String(count).length;
  const number = (i: number): string => String(i + 1).padStart(digits);
  const indent = ' '.repeat(digits + 2);
  if (step.kind === 'ask') {
    step.options.forEach((option, i) => {
      const here = i === ui.cursor;
      // "❯ 1  " is 3 + digits + 2 columns.
      items.push(
        wrap(line(option.label), w - 4 - digits).map((part, j) => {
          const label = j === 0 ? `${number(i)}  ${part}` : `${indent}${part}`;
          return here ? `${j === 0 ? c.cyan('❯') : ' '} ${c.cyan.bold(label)}` : `  ${label}`;
        }),
      );
    });
  } else if (step.kind === 'checklist') {
    step.options.forEach((option, i) => {
      const here = i === ui.cursor;
      const box = ui.checked.includes(option.id) ? c.green('[x]') : '[ ]';
      // "❯ [x] 1  " is 8 + digits columns.
      const group = wrap(line(option.label), w - 8 - digits).map((part, j) => {
        const label = j === 0 ? `${number(i)}  ${part}` : `${indent}${part}`;
        return `${here && j === 0 ? c.cyan('❯') : ' '} ${j === 0 ? box : '   '} ${here ? c.cyan.bold(label) : label}`;
      });
      if (option.hint !== undefined) for (const part of wrap(line(option.hint), w - 8 - digits)) group.push(`      ${indent}${c.dim(part)}`);
      items.push(group);
    });
  }
  // Under the options: the tick count, the answer line, what was answered before going back.
  const status: string[] = [];
  if (step.kind === 'checklist') {
    const ticked = ui.checked.length;
    status.push(c.dim(ticked === 0 ? say(lang, WORDS.nothingTicked) : `${ticked} ${say(lang, WORDS.ticked)}`));
  } else if (step.kind === 'input') {
    status.push(...answerLines(ui.line, ui.mode === 'step', inputHint(step.input, lang), lang, w, c));
    if (step.sensitive) status.push(...wrap(say(lang, SENSITIVE), w).map((l) => c.dim(l)));
  }
  const before = previousText(view, lang);
  if (before !== '') status.push(...wrap(`${say(lang, WORDS.previously)} ${safeLine(before)}`, w).map((l) => c.dim(l)));

  const extra: string[] = [];
  if (ui.message) {
    extra.push('');
    const m = say(lang, ui.message.text);
    extra.push(...wrap(safeText(m), w).map((l) => (ui.message?.tone === 'warn' ? c.red.bold(l) : c.green(l))));
  }
  if (ui.guidance) {
    extra.push('');
    extra.push(c.magenta.bold(say(lang, WORDS.guidance)));
    if (step.guidance === undefined) extra.push(c.dim(say(lang, WORDS.noGuidance)));
    else extra.push(...wrap(text(step.guidance), w).map((l) => c.magenta(l)));
    if (step.source !== undefined) extra.push(...wrap(`${say(lang, WORDS.source)}: ${line(step.source)}`, w).map((l) => c.dim(l)));
  }

  const bottom = ['', ...noticeLines(view.notices ?? [], lang, w, c), rule, ...footer(view, lang, w, c)];
  const all = [...header, ...banner, ...question, ...script, ...items.flat(), ...status, ...extra, ...bottom];
  if (options.height === undefined || all.length <= options.height) return all.join('\n');
  return fit({ header, banner, question, script, items, cursor: ui.cursor, status, extra, bottom }, options.height, lang, c).join('\n');
}

interface Parts {
  readonly header: string[];
  readonly banner: string[];
  readonly question: string[];
  readonly script: string[];
  readonly items: string[][];
  readonly cursor: number;
  readonly status: string[];
  readonly extra: string[];
  readonly bottom: string[];
}

/**
 * Fits a screen taller than the window so that the question and the cursor stay on it: the
 * lines after the options (messages, guidance) go first, then a long list pages with the cursor
 * ("5–14 of 17"), then the script and the banner are cut, then the end of the question. The
 * header and the keys always stay.
 */
function fit(parts: Parts, height: number, lang: Lang, c: ChalkInstance): string[] {
  const more = c.dim(say(lang, WORDS.more));
  const { header, bottom, status, items } = parts;
  const all = height - header.length - bottom.length - status.length;
  // A row is kept for the "…" that says the guidance or a message did not fit.
  const room = all - (parts.extra.length > 0 ? 1 : 0);
  const listed = items.flat().length;
  // The least the list needs: the cursor's item and the "5–14 of 17" line.
  const cursorItem = items[parts.cursor] ?? [];
  const minList = items.length === 0 ? 0 : Math.min(listed, cursorItem.length + 1);
  let question = parts.question;
  let above = [...parts.banner, ...question, ...parts.script];
  if (above.length + minList > room) {
    // Cut the banner and the script (the call's words stay in the question), then the question's end.
    above = [...question, ''];
    if (above.length + minList > room) {
      const keep = Math.max(1, room - minList - 1);
      question = question.slice(0, keep);
      above = [...question, more];
    }
  }
  const forList = Math.max(0, room - above.length);
  const list = listed <= forList ? items.flat() : page(items, parts.cursor, forList, lang, c);
  const left = all - above.length - list.length;
  const extra = parts.extra.length <= left ? parts.extra : left >= 1 ? [...parts.extra.slice(0, left - 1), more] : [];
  return [...header, ...above, ...list, ...status, ...extra, ...bottom].slice(0, height);
}

/**
 * The page of the list that holds the cursor, in at most `rows` lines with a "5–14 of 17" line:
 * the list is cut into pages from its start, so a page stays put while the cursor moves in it.
 */
function page(items: string[][], cursor: number, rows: number, lang: Lang, c: ChalkInstance): string[] {
  const room = Math.max(1, rows - 1);
  const pages: [number, number][] = [];
  let start = 0;
  while (start < items.length) {
    let end = start;
    let used = 0;
    while (end < items.length && (end === start || used + (items[end]?.length ?? 0) <= room)) used += items[end++]?.length ?? 0;
    pages.push([start, end]);
    start = end;
  }
  const [from, to] = pages.find(([s, e]) => cursor >= s && cursor < e) ?? pages[0] ?? [0, 0];
  const lines = items.slice(from, to).flat();
  // The cursor's own item may be taller than the room: its first lines (the label) stay.
  const shown = lines.slice(0, room);
  const of = say(lang, msg('tui-render-step-of', { from: from + 1, to, itemsCount: items.length }));
  return [...shown, c.dim(`${of}  ${say(lang, WORDS.pageHint)}`)];
}

/** The SOP titles of the header in `max` columns: earlier titles give way first, then the current one is cut at its end. */
function trailText(titles: readonly string[], max: number): string {
  const full = titles.join(' › ');
  if (displayWidth(full) <= max) return full;
  for (let first = 1; first < titles.length; first++) {
    const rest = `… › ${titles.slice(first).join(' › ')}`;
    if (displayWidth(rest) <= max) return rest;
  }
  return truncate(titles.at(-1) ?? '', max);
}

/** The answer line of an input step: what was typed (its end, when longer than the line) and the cursor; the hint beside or under it. */
function answerLines(typed: string, typing: boolean, hint: string, lang: Lang, w: number, c: ChalkInstance): string[] {
  const label = `${say(lang, WORDS.answer)}: `;
  const room = w - displayWidth(label) - 1;
  let shown = safeLine(typed);
  while (displayWidth(shown) > room) shown = `…${[...shown].slice(2).join('')}`;
  const answer = `${c.bold(label)}${shown}${typing ? c.inverse(' ') : ''}`;
  if (hint === '') return [answer];
  const beside = displayWidth(label) + displayWidth(shown) + 1 + 3 + displayWidth(hint) <= w;
  return beside ? [`${answer}   ${c.dim(hint)}`] : [answer, ...wrap(hint, w).map((l) => c.dim(l))];
}

/** At most this many lines of pre-call warnings on a screen; the rest are on the main screen after the call. */
const MAX_NOTICE_LINES = 6;

/** Warnings from before the call: "⚠ " and the text wrapped under itself, in yellow, above the keys. */
function noticeLines(notices: readonly string[], lang: Lang, w: number, c: ChalkInstance): string[] {
  const lines = notices.flatMap((notice) => wrap(safeLine(notice), w - 2).map((part, j) => `${j === 0 ? '⚠' : ' '} ${part}`));
  if (lines.length > MAX_NOTICE_LINES) {
    const more = lines.length - (MAX_NOTICE_LINES - 1);
    lines.splice(MAX_NOTICE_LINES - 1, Infinity, `⚠ ${say(lang, msg('tui-render-step-more-lines-shown-after-the', { more }))}`);
  }
  return lines.map((l) => c.yellow(l));
}

const SENSITIVE = msg('tui-render-step-sensitive');

function footer(view: StepView, lang: Lang, w: number, c: ChalkInstance): string[] {
  const ui = view.ui;
  if (ui.mode === 'note') {
    return [c.bold(say(lang, WORDS.notePrompt)), `> ${safeLine(ui.note)}${c.inverse(' ')}`];
  }
  if (ui.mode === 'confirm-quit') return wrap(say(lang, WORDS.confirmQuit), w).map((l) => c.yellow.bold(l));
  const step = view.step;
  // The digit keys reach the first nine options: the footer says which digits there are.
  const count = 'options' in step ? step.options.length : 0;
  const digits = count <= 1 ? '1' : `1-${Math.min(count, 9)}`;
  const how =
    step.kind === 'ask'
      ? LIST_WORDS.choose(digits)
      : step.kind === 'checklist'
        ? LIST_WORDS.toggle(digits)
        : step.kind === 'input'
          ? WORDS.typeAnswer
          : WORDS.continue;
  // [plain, coloured] pairs, packed into lines of at most w characters.
  const keys: [string, string][] = [
    ['?', say(lang, WORDS.guidanceKey)],
    ['b', say(lang, WORDS.back)],
    ['n', say(lang, WORDS.note)],
    ...view.interrupts.map((i): [string, string] => [safeLine(i.key), safeLine(localize(i.label, lang))]),
    ['q', say(lang, WORDS.quit)],
  ].map(([key, label], index): [string, string] => {
    const interrupt = index >= 3 && index < 3 + view.interrupts.length;
    const coloured = `${c.bold(key as string)} ${label as string}`;
    return [`${key as string} ${label as string}`, interrupt ? c.red(coloured) : coloured];
  });
  const lines = wrap(say(lang, how), w).map((l) => c.dim(l));
  if (step.kind === 'input' && ui.mode === 'keys') lines.push(...wrap(say(lang, WORDS.commandMode), w).map((l) => c.yellow.bold(l)));
  const first = step.kind === 'input' ? say(lang, WORDS.escThen) : undefined;
  let plain = first ?? '';
  let line = first ?? '';
  for (const [text, coloured] of keys) {
    if (plain === '' || plain === first) {
      plain = plain === '' ? text : `${plain} ${text}`;
      line = line === '' ? coloured : `${line} ${coloured}`;
    } else if (displayWidth(plain) + 3 + displayWidth(text) <= w) {
      plain += ` · ${text}`;
      line += ` · ${coloured}`;
    } else {
      lines.push(line);
      plain = text;
      line = coloured;
    }
  }
  lines.push(line);
  return lines;
}

function inputHint(spec: InputSpec, lang: Lang): string {
  const parts: string[] = [];
  if (spec.type === 'int') {
    const range =
      spec.min !== undefined && spec.max !== undefined
        ? `${spec.min}–${spec.max}`
        : spec.min !== undefined
          ? `≥ ${spec.min}`
          : spec.max !== undefined
            ? `≤ ${spec.max}`
            : '';
    parts.push(`${say(lang, msg('tui-render-step-a-number'))}${range ? ` ${range}` : ''}`);
  } else if (spec.type === 'bool') parts.push(say(lang, msg('tui-render-step-yes-no')));
  else if (spec.maxLength !== undefined) parts.push(say(lang, msg('tui-render-step-up-to-characters', { maxLength: spec.maxLength })));
  if (spec.optional) parts.push(say(lang, WORDS.optional));
  return parts.join(' ');
}

function previousText(view: StepView, lang: Lang): string {
  const previous = view.previous;
  if (!previous) return '';
  const step = view.step;
  const a = previous.answer;
  const label = (id: string): string => {
    const option = 'options' in step ? step.options.find((o) => o.id === id) : undefined;
    return option ? localize(option.label, lang) : id;
  };
  if (a.kind === 'option') return label(a.option);
  if (a.kind === 'checked') return a.options.map(label).join(', ') || '—';
  if (a.kind === 'value') return a.raw;
  return '';
}
