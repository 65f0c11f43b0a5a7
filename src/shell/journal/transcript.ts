/**
 * A recorded session as a transcript for people (`sop log show`): steps as shown, answers with
 * the SOP's option labels when the library is at hand (ids otherwise), amendments, interrupts,
 * notes, the outcome and referrals. Redacted content stays "[redacted]".
 */
import { outcomeAt, stepAt } from '../../core/engine/step-ref.js';
import { ownContact } from '../../core/model/own-step.js';
import type { Answer, AnswerRecord } from '../../core/engine/types.js';
import type { Library } from '../../core/model/library.js';
import type { Step } from '../../core/model/sop.js';
import { REDACTED } from '../../core/record/journal-line.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { localize, say, type Lang } from '../i18n.js';

/** m:ss, or h:mm:ss from an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** YYYY-MM-DD HH:MM in the local time zone. */
export function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function firstLine(text: string, max = 72): string {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function transcript(session: RecordedSession, library: Library | undefined, lang: Lang): string {
  const stepOf = (qualified: string): Step | undefined => stepAt(library, qualified);
  const optionLabel = (qualified: string, id: string): string => {
    if (id === REDACTED) return REDACTED;
    const step = stepOf(qualified);
    const option = step && 'options' in step ? step.options.find((o) => o.id === id) : undefined;
    return option ? `${localize(option.label, lang)} (${id})` : id;
  };
  const answerText = (record: AnswerRecord): string => answerShown(record.step, record.answer);
  const answerShown = (qualified: string, answer: Answer): string => {
    switch (answer.kind) {
      case 'continue':
        return say(lang, { en: '(continue)', uk: '(далі)' });
      case 'option':
        return optionLabel(qualified, answer.option);
      case 'checked':
        return answer.options.length === 0 ? say(lang, { en: '(none checked)', uk: '(нічого не позначено)' }) : answer.options.map((id) => optionLabel(qualified, id)).join(', ');
      case 'value':
        return answer.raw === REDACTED ? REDACTED : JSON.stringify(answer.raw);
    }
  };
  const outcomeLabel = (qualified: string): string => {
    const outcome = outcomeAt(library, qualified);
    return outcome ? `${localize(outcome.label, lang)} (${qualified})` : qualified;
  };
  const contactName = (id: string): string => {
    const contact = ownContact(library?.directory, id);
    return contact ? `${localize(contact.name, lang)} (${id})` : id;
  };

  const { start } = session;
  const sopTitle = library?.sops.get(start.sop)?.sop.title;
  const statusText = {
    completed: say(lang, { en: 'completed', uk: 'завершено' }),
    interrupted: say(lang, { en: 'interrupted (can be resumed)', uk: 'перервано (можна продовжити)' }),
    open: say(lang, { en: 'open: the recording stopped without an end (crash?); can be resumed', uk: 'відкрито: запис обірвався без завершення (збій?); можна продовжити' }),
    running: say(lang, { en: 'running: being recorded now in another window (shown up to here)', uk: 'триває: записується зараз в іншому вікні (показано досі записане)' }),
  }[session.status];
  const out: string[] = [
    `${say(lang, { en: 'Session', uk: 'Сесія' })} ${session.id} — ${start.mode === 'live' ? say(lang, { en: 'live call', uk: 'дзвінок' }) : say(lang, { en: 'training', uk: 'тренування' })}`,
    `SOP:       ${start.sop} ${start.version}${sopTitle ? ` (${localize(sopTitle, lang)})` : ''}`,
    `${say(lang, { en: 'Started:  ', uk: 'Початок: ' })} ${formatLocalTime(start.at)}   ${say(lang, { en: 'operator', uk: 'оператор' })}: ${start.operator}   ${say(lang, { en: 'language', uk: 'мова' })}: ${start.lang}`,
    ...(start.scenario ? [`${say(lang, { en: 'Scenario: ', uk: 'Сценарій:' })} ${start.scenario}${start.trainee ? `   ${say(lang, { en: 'trainee', uk: 'слухач' })}: ${start.trainee}` : ''}`] : []),
    `${say(lang, { en: 'Status:   ', uk: 'Стан:    ' })} ${statusText}`,
    '',
  ];
  const row = (ms: number, text: string): void => {
    out.push(`${formatDuration(ms).padStart(7)}  ${text}`);
  };
  let afterInterruption = false;
  for (const line of session.lines) {
    if (afterInterruption && line.type !== 'interrupted') {
      row(line.ms, `▶ ${say(lang, { en: 'resumed', uk: 'продовжено' })}`);
      afterInterruption = false;
    }
    switch (line.type) {
      case 'step-shown': {
        const step = stepOf(line.step);
        const text = step?.text !== undefined ? firstLine(localize(step.text, lang)) : '';
        row(line.ms, `▸ ${text ? `${text}  ` : ''}[${line.step}]`);
        break;
      }
      case 'answer':
        row(line.ms, `  → ${answerText(line)}`);
        break;
      case 'amend':
        row(line.ms, `  ✎ ${say(lang, { en: 'amended', uk: 'виправлено' })}: ${answerText(line.original)} → ${answerText(line)}`);
        break;
      case 'back':
        row(line.ms, `  ↩ ${say(lang, { en: 'back to', uk: 'назад до' })} ${line.to}`);
        break;
      case 'note':
        // unfinished: still being typed when the call was interrupted (the next line says how).
        row(line.ms, `  ✉ ${say(lang, line.unfinished ? { en: 'note (unfinished)', uk: 'нотатка (незавершена)' } : { en: 'note', uk: 'нотатка' })}: ${line.text}`);
        break;
      case 'interrupt':
        row(line.ms, `  ⚡ ${say(lang, { en: 'interrupt', uk: 'переривання' })} "${line.key}": ${line.from} → ${line.to}`);
        break;
      case 'sop-entered':
        if (line.from !== '') row(line.ms, `  ↳ ${say(lang, { en: 'enters SOP', uk: 'перехід до SOP' })} ${line.sop}`);
        break;
      case 'sop-returned':
        row(line.ms, `  ↲ ${say(lang, { en: 'back from', uk: 'повернення з' })} ${line.sop}: ${line.outcome}`);
        break;
      case 'call-ended':
        row(line.ms, `■ ${say(lang, { en: 'Outcome', uk: 'Результат' })}: ${outcomeLabel(line.outcome)}`);
        break;
      case 'interrupted':
        row(line.ms, `⏸ ${say(lang, { en: 'interrupted', uk: 'перервано' })} (${line.reason}) ${say(lang, { en: 'at', uk: 'на' })} ${line.step}`);
        afterInterruption = true;
        break;
      case 'session-end':
        out.push('');
        out.push(`${say(lang, { en: 'Outcome:  ', uk: 'Результат:' })} ${outcomeLabel(line.outcome)}`);
        out.push(
          `${say(lang, { en: 'Referrals:', uk: 'Скерування:' })} ${line.referrals.length === 0 ? say(lang, { en: '(none)', uk: '(немає)' }) : line.referrals.map(contactName).join(', ')}`,
        );
        out.push(`${say(lang, { en: 'Duration: ', uk: 'Тривалість:' })} ${formatDuration(line.durationMs)}`);
        break;
      default:
        break;
    }
  }
  return `${out.join('\n')}\n`;
}
