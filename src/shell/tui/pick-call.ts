/** A menu of recorded calls, newest first (id, start, SOP, the last step): `sop resume` and `sop replay` with no id. */
import { summarise } from '../../core/record/summarise.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { say, type Lang } from '../i18n.js';
import { safeLine } from '../text/safe-text.js';
import { msg } from '../../core/model/message.js';

export async function pickCall(sessions: readonly RecordedSession[], lang: Lang): Promise<string | undefined> {
  const choices = [...sessions].reverse().map((session) => {
    const s = summarise(session);
    return { value: s.id, name: `${safeLine(s.id)}  ${safeLine(s.startedAt.slice(0, 16).replace('T', ' '))}  ${safeLine(s.sop)}  → ${safeLine(s.lastStep ?? '')}` };
  });
  const { chooseFrom } = await import('./prompts.js');
  return chooseFrom(say(lang, msg('tui-pick-call-which-call')), choices, lang);
}
