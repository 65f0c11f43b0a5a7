/** The pocket card's own words (to-card.ts), in English and Ukrainian. */
import type { Message } from '../model/message.js';

const key = (en: string, uk: string): Message => ({ en, uk });

export const CARD = {
  subtitle: { en: 'Pocket card', uk: 'Пам’ятка' },
  mainPath: { en: 'The main path', uk: 'Основний шлях' },
  keys: { en: 'Keys on every step', uk: 'Клавіші на кожному кроці' },
  keyList: [
    ['↑↓ 1-9', key('choose', 'вибрати')],
    ['Enter', key('confirm', 'підтвердити')],
    ['?', key('guidance: why and how', 'порада: чому і як')],
    ['b', key('back one step (the answer can be changed)', 'на крок назад (відповідь можна змінити)')],
    ['n', key('a note (sealed, never in clear on disk)', 'нотатка (зашифрована, ніколи не відкритим текстом на диску)')],
    ['!', key('immediate danger: the emergency procedure at once', 'безпосередня небезпека: одразу процедура екстреної допомоги')],
    ['*', key('line lost, silent or abusive caller, someone else on the line, suicide risk, medical emergency', 'зв’язок обірвався, абонент мовчить чи ображає, на лінії інша людина, ризик самогубства, невідкладний медичний стан')],
    ['q', key('quit: the call is kept and can be resumed (sop resume)', 'вийти: дзвінок збережено, його можна продовжити (sop resume)')],
  ] as const satisfies readonly (readonly [string, Message])[],
  dutyToAct: { en: 'Acting without the caller’s consent', uk: 'Дії без згоди абонента' },
  numbers: { en: 'Numbers', uk: 'Номери' },
  missingContact: { en: 'not in the directory', uk: 'немає в довіднику' },
  unverified: {
    en: 'Marked entries are not fully verified: check them in the directory (sop docs) before relying on them.',
    uk: 'Позначені записи перевірено не повністю: звірте їх у довіднику (sop docs), перш ніж на них покладатися.',
  },
} as const;
