/**
 * One screen of a call, as a string: header (where the call is, elapsed time), the step's
 * text, the script to read aloud set apart, the options or the answer line, a message, the
 * guidance when asked for, and the footer of keys. Pure: no terminal, no clock.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { colorFor } from '../replay/color.js';
import type { InputSpec } from '../../core/model/sop.js';
import { localize, say, type Lang } from '../i18n.js';
import { safeLine, safeText } from './safe-text.js';
import type { StepView } from './step-view.js';
import { WORDS } from './words.js';
import { clockText, wrap } from './wrap.js';

export interface RenderOptions {
  /** Colour on or off; default: FORCE_COLOR, else NO_COLOR, else whether stdout is a terminal. */
  readonly color?: boolean;
  /**
   * Rows available. When the step does not fit, the lines after the options (messages,
   * guidance), then the end of the step's text, are cut with a "…" line, so the header, the
   * options and the footer of keys stay on screen.
   */
  readonly height?: number;
}

export function renderStep(view: StepView, lang: Lang, width: number, options: RenderOptions = {}): string {
  const c: ChalkInstance = options.color === undefined ? colorFor('stdout') : new Chalk({ level: options.color ? 1 : 0 });
  const w = Math.max(30, Math.min(width, 100));
  const text = (value: Parameters<typeof localize>[0]): string => safeText(localize(value, lang));
  const line = (value: Parameters<typeof localize>[0]): string => safeLine(localize(value, lang));
  const out: string[] = [];
  const rule = c.dim('─'.repeat(w));

  // Header: "Call › Referral" on the left, "sop/step · 03:12" on the right.
  const right = `${safeLine(view.sop)}/${safeLine(view.stepId)} · ${clockText(view.elapsedMs)}`;
  const where = shorten(view.trail.map((t) => line(t)).join(' › '), Math.max(10, w - right.length - 1));
  const gap = Math.max(1, w - where.length - right.length);
  out.push(`${c.bold(where)}${' '.repeat(gap)}${c.dim(right)}`);
  out.push(rule);
  for (const banner of view.banner ?? []) out.push(...wrap(safeText(banner), w).map((l) => c.cyan(l)));
  if (view.banner?.length) out.push('');

  const step = view.step;
  out.push(...wrap(text(step.text), w).map((l) => c.bold(l)));
  if (step.say !== undefined) {
    out.push('');
    out.push(`${c.yellow('│')} ${c.yellow.bold(say(lang, WORDS.say))}`);
    for (const l of wrap(text(step.say), w - 2)) out.push(`${c.yellow('│')} ${l}`);
  }
  out.push('');
  const topEnd = out.length;

  const ui = view.ui;
  if (step.kind === 'ask') {
    step.options.forEach((option, i) => {
      const here = i === ui.cursor;
      // A long label wraps under itself: "❯ 1  " is 5 columns.
      wrap(line(option.label), w - 5).forEach((part, j) => {
        const label = j === 0 ? `${i < 9 ? i + 1 : ' '}  ${part}` : `   ${part}`;
        out.push(here ? `${j === 0 ? c.cyan('❯') : ' '} ${c.cyan.bold(label)}` : `  ${label}`);
      });
    });
  } else if (step.kind === 'checklist') {
    step.options.forEach((option, i) => {
      const here = i === ui.cursor;
      const ticked = ui.checked.includes(option.id);
      const box = ticked ? c.green('[x]') : '[ ]';
      // "❯ [x] 1  " is 9 columns; a long label wraps under itself.
      wrap(line(option.label), w - 9).forEach((part, j) => {
        const label = j === 0 ? `${i < 9 ? i + 1 : ' '}  ${part}` : `   ${part}`;
        out.push(`${here && j === 0 ? c.cyan('❯') : ' '} ${j === 0 ? box : '   '} ${here ? c.cyan.bold(label) : label}`);
      });
      if (option.hint !== undefined) for (const part of wrap(line(option.hint), w - 9)) out.push(`         ${c.dim(part)}`);
    });
    const count = ui.checked.length;
    out.push(c.dim(count === 0 ? say(lang, WORDS.nothingTicked) : `${count} ${say(lang, WORDS.ticked)}`));
  } else if (step.kind === 'input') {
    const hint = inputHint(step.input, lang);
    const cursor = ui.mode === 'step' ? c.inverse(' ') : '';
    out.push(`${c.bold(say(lang, WORDS.answer))}: ${safeLine(ui.line)}${cursor}${hint ? `   ${c.dim(hint)}` : ''}`);
    if (step.sensitive) out.push(c.dim(say(lang, SENSITIVE)));
  }
  if (view.previous && !view.previous.sensitive) {
    out.push(c.dim(`${say(lang, WORDS.previously)} ${safeLine(previousText(view, lang))}`));
  }

  const choicesEnd = out.length;

  if (ui.message) {
    out.push('');
    const m = say(lang, ui.message.text);
    out.push(...wrap(safeText(m), w).map((l) => (ui.message?.tone === 'warn' ? c.red.bold(l) : c.green(l))));
  }

  if (ui.guidance) {
    out.push('');
    out.push(c.magenta.bold(say(lang, WORDS.guidance)));
    if (step.guidance === undefined) out.push(c.dim(say(lang, WORDS.noGuidance)));
    else out.push(...wrap(text(step.guidance), w).map((l) => c.magenta(l)));
    if (step.source !== undefined) out.push(...wrap(`${say(lang, WORDS.source)}: ${safeLine(step.source)}`, w).map((l) => c.dim(l)));
  }

  const bottom = ['', ...noticeLines(view.notices ?? [], lang, w, c), rule, ...footer(view, lang, w, c)];
  if (options.height === undefined || out.length + bottom.length <= options.height) return [...out, ...bottom].join('\n');
  return fit(out, topEnd, choicesEnd, bottom, options.height, c).join('\n');
}

/**
 * Fits a screen taller than the window: first the lines after the options go (messages,
 * guidance), then the end of the step's text; the header, the options and the keys stay.
 */
function fit(body: string[], topEnd: number, choicesEnd: number, bottom: string[], height: number, c: ChalkInstance): string[] {
  const more = c.dim('… (enlarge the window to see more / збільште вікно, щоб побачити більше)');
  const top = body.slice(0, topEnd);
  const choices = body.slice(topEnd, choicesEnd);
  const extra = body.slice(choicesEnd);
  const room = height - bottom.length;
  if (top.length + choices.length + 1 <= room) {
    return [...top, ...choices, ...extra.slice(0, room - top.length - choices.length - 1), more, ...bottom];
  }
  const keepTop = Math.max(2, room - choices.length - 1);
  return [...top.slice(0, keepTop), more, ...choices, ...bottom];
}

/** Cuts a one-line text to `max` characters with an ellipsis. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}

/** At most this many lines of pre-call warnings on a screen; the rest are on the main screen after the call. */
const MAX_NOTICE_LINES = 6;

/** Warnings from before the call: "⚠ " and the text wrapped under itself, in yellow, above the keys. */
function noticeLines(notices: readonly string[], lang: Lang, w: number, c: ChalkInstance): string[] {
  const lines = notices.flatMap((notice) => wrap(safeLine(notice), w - 2).map((part, j) => `${j === 0 ? '⚠' : ' '} ${part}`));
  if (lines.length > MAX_NOTICE_LINES) {
    const more = lines.length - (MAX_NOTICE_LINES - 1);
    lines.splice(MAX_NOTICE_LINES - 1, Infinity, `⚠ ${say(lang, { en: `… ${more} more lines, shown after the call`, uk: `… ще рядків: ${more}, їх видно після дзвінка` })}`);
  }
  return lines.map((l) => c.yellow(l));
}

const SENSITIVE = {
  en: 'Sensitive: this answer is never saved in clear.',
  uk: 'Чутливе: ця відповідь ніколи не зберігається відкрито.',
};

function footer(view: StepView, lang: Lang, w: number, c: ChalkInstance): string[] {
  const ui = view.ui;
  if (ui.mode === 'note') {
    return [c.bold(say(lang, WORDS.notePrompt)), `> ${safeLine(ui.note)}${c.inverse(' ')}`];
  }
  if (ui.mode === 'confirm-quit') return wrap(say(lang, WORDS.confirmQuit), w).map((l) => c.yellow.bold(l));
  const step = view.step;
  const how =
    step.kind === 'ask'
      ? WORDS.choose
      : step.kind === 'checklist'
        ? WORDS.toggle
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
    } else if (plain.length + 3 + text.length <= w) {
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
    parts.push(`${say(lang, { en: 'a number', uk: 'число' })}${range ? ` ${range}` : ''}`);
  } else if (spec.type === 'bool') parts.push(say(lang, { en: 'yes / no', uk: 'так / ні' }));
  else if (spec.maxLength !== undefined) parts.push(say(lang, { en: `up to ${spec.maxLength} characters`, uk: `до ${spec.maxLength} символів` }));
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
