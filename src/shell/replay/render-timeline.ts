/** A recorded call's timeline as text: a header, one block per step shown, the end. */
import type { ChalkInstance } from 'chalk';
import type { Timeline, TimelineEntry } from '../../core/record/build-timeline.js';
import { say, type Lang } from '../i18n.js';
import { safeLine, safeText } from '../text/safe-text.js';
import { clockText } from '../text/wrap.js';

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

export function renderHeader(timeline: Timeline, lang: Lang, color: ChalkInstance): string {
  const status = {
    completed: { en: 'completed', uk: 'завершено' },
    interrupted: { en: 'interrupted', uk: 'перервано' },
    open: { en: 'not finished (no end recorded)', uk: 'не завершено (кінця не записано)' },
    running: { en: 'in progress in another window (recorded so far)', uk: 'триває в іншому вікні (записане досі)' },
  }[timeline.status];
  return [
    color.bold(`${say(lang, { en: 'Call', uk: 'Дзвінок' })} ${safeLine(timeline.session)}`),
    `  SOP: ${safeLine(timeline.sop)}   ${say(lang, { en: 'started', uk: 'початок' })}: ${humanTime(safeLine(timeline.startedAt))}   ${say(lang, { en: 'operator', uk: 'оператор' })}: ${safeLine(timeline.operator)}   ${say(lang, { en: 'language', uk: 'мова' })}: ${safeLine(timeline.lang)}   ${say(lang, status)}`,
  ].join('\n');
}

/** "2026-12-07T11:24:47.207Z" as "2026-12-07 11:24 UTC"; anything else as it is. */
function humanTime(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

export function renderEntry(entry: TimelineEntry, index: number, total: number, lang: Lang, color: ChalkInstance): string {
  const via = entry.via === 'back' ? color.yellow(say(lang, { en: ' (back)', uk: ' (назад)' })) : entry.via === 'interrupt' ? color.red(say(lang, { en: ' (interrupt)', uk: ' (переривання)' })) : '';
  const lines = [
    `${color.dim(clockText(entry.atMs))}  ${color.dim(`${index + 1}/${total}`)}  ${color.bold(safeLine(entry.step))}${via}  ${color.dim(`(${seconds(entry.spentMs)})`)}`,
  ];
  for (const line of safeText(entry.text).split('\n')) if (line.trim() !== '') lines.push(`         ${line}`);
  if (entry.amended) {
    lines.push(`         ${color.yellow('✎')} ${say(lang, { en: 'amended', uk: 'змінено' })}: ${safeLine(entry.amended.from)} → ${color.green(safeLine(entry.amended.to))}`);
  } else if (entry.answer !== undefined) {
    lines.push(`         ${color.green('→')} ${safeLine(entry.answer)}`);
  }
  entry.notes.forEach((note, at) => {
    // Still being typed when the call was interrupted, as `sop log show` marks it.
    const word = entry.unfinishedNotes?.includes(at) ? { en: 'note (unfinished)', uk: 'нотатка (незавершена)' } : { en: 'note', uk: 'нотатка' };
    lines.push(`         ${color.cyan('✉')} ${say(lang, word)}: ${safeLine(note)}`);
  });
  // An interrupt leaves the step at once: the SOPs entered at this step were entered through it, after it.
  for (const interrupt of entry.interrupts) {
    lines.push(`         ${color.red('!')} ${say(lang, { en: 'interrupt', uk: 'переривання' })} "${safeLine(interrupt.key)}" → ${safeLine(interrupt.to)}`);
  }
  for (const sop of entry.entered) lines.push(`         ${color.dim('↳')} ${say(lang, { en: 'enters SOP', uk: 'входить у СОП' })} ${safeLine(sop)}`);
  return lines.join('\n');
}

export function renderEnd(timeline: Timeline, lang: Lang, color: ChalkInstance): string {
  const lines: string[] = [];
  if (timeline.outcome) {
    lines.push(`${color.bold(say(lang, { en: 'Outcome:', uk: 'Результат:' }))} ${safeLine(timeline.outcome)}${timeline.outcomeLabel ? ` — ${safeLine(timeline.outcomeLabel)}` : ''}`);
  } else {
    lines.push(color.yellow(say(lang, { en: 'No outcome: the call did not reach an end.', uk: 'Без результату: дзвінок не дійшов до кінця.' })));
  }
  lines.push(`${say(lang, { en: 'Referrals:', uk: 'Скерування:' })} ${timeline.referrals.length > 0 ? timeline.referrals.map(safeLine).join(', ') : '—'}`);
  lines.push(`${say(lang, { en: 'Duration:', uk: 'Тривалість:' })} ${clockText(timeline.durationMs)}`);
  return lines.join('\n');
}

export function renderTimeline(timeline: Timeline, lang: Lang, color: ChalkInstance): string {
  const total = timeline.entries.length;
  const blocks = [renderHeader(timeline, lang, color), ...timeline.entries.map((entry, index) => renderEntry(entry, index, total, lang, color)), renderEnd(timeline, lang, color)];
  return `${blocks.join('\n\n')}\n`;
}
