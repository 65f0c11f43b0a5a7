/**
 * Playing a timeline back: `--speed N` prints each step after the time it took in the call,
 * divided by N; `--step` walks through it with keys on a terminal. Timers and keys are passed
 * in, so tests run without waiting or a terminal.
 */
import type { ChalkInstance } from 'chalk';
import type { Timeline } from '../../core/record/build-timeline.js';
import { say, type Lang } from '../i18n.js';
import type { CallIO } from '../tui/terminal.js';
import { renderEnd, renderEntry, renderHeader } from './render-timeline.js';

export interface PlayOptions {
  readonly speed: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly write: (text: string) => void;
  readonly lang: Lang;
  readonly color: ChalkInstance;
}

export async function playTimeline(timeline: Timeline, options: PlayOptions): Promise<void> {
  const { lang, color, write } = options;
  const total = timeline.entries.length;
  write(`${renderHeader(timeline, lang, color)}\n\n`);
  for (const [index, entry] of timeline.entries.entries()) {
    write(`${renderEntry(entry, index, total, lang, color)}\n\n`);
    await options.sleep(entry.spentMs / options.speed);
  }
  write(`${renderEnd(timeline, lang, color)}\n`);
}

/** Which screen the walk-through shows: 0..n-1 the steps, n the end. */
function stepScreen(timeline: Timeline, position: number, lang: Lang, color: ChalkInstance, prompt = ''): string {
  const total = timeline.entries.length;
  const entry = timeline.entries[position];
  const body = entry ? renderEntry(entry, position, total, lang, color) : renderEnd(timeline, lang, color);
  const help = say(lang, {
    en: 'n/→ next   p/← previous   g jump to step   q quit',
    uk: 'n/→ далі   p/← назад   g перейти до кроку   q вийти',
  });
  return `${renderHeader(timeline, lang, color)}\n\n${body}\n\n${color.dim(help)}${prompt ? `\n${prompt}` : ''}`;
}

export async function stepThrough(timeline: Timeline, io: CallIO, lang: Lang, color: ChalkInstance): Promise<void> {
  const last = timeline.entries.length; // the end screen
  let position = 0;
  let jump: string | undefined;
  for (;;) {
    const prompt = jump === undefined ? '' : `${say(lang, { en: 'Go to step', uk: 'Перейти до кроку' })} (1-${last}): ${jump}`;
    io.draw(stepScreen(timeline, position, lang, color, prompt));
    const key = await io.nextKey();
    if (key.ctrl && key.name === 'c') return;
    if (jump !== undefined) {
      if (key.name === 'return' || key.name === 'enter') {
        const target = Number(jump);
        if (Number.isInteger(target) && target >= 1 && target <= last) position = target - 1;
        jump = undefined;
      } else if (key.name === 'escape') {
        jump = undefined;
      } else if (key.name === 'backspace') {
        jump = jump.slice(0, -1);
      } else if (key.sequence && /^[0-9]$/.test(key.sequence)) {
        jump += key.sequence;
      }
      continue;
    }
    switch (key.name) {
      case 'n':
      case 'right':
      case 'space':
      case 'return':
        position = Math.min(last, position + 1);
        break;
      case 'p':
      case 'left':
        position = Math.max(0, position - 1);
        break;
      case 'g':
        jump = '';
        break;
      case 'q':
      case 'escape':
        return;
      default:
        break;
    }
  }
}
