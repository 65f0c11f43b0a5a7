/** The renderers' own words, in English and Ukrainian. */
export { type Message, say } from '../model/message.js';

export const W = {
  otherwise: { en: 'otherwise', uk: 'інакше' },
  legend: { en: 'Legend', uk: 'Умовні позначення' },
  interrupt: { en: 'interrupt', uk: 'переривання' },
  tailCall: { en: 'its outcome ends this SOP', uk: 'його результат завершує цю процедуру' },
  backTo: { en: 'back to', uk: 'назад до' },
  seeAbove: { en: 'see above', uk: 'див. вище' },
  unreachable: { en: 'Not reachable from the start', uk: 'Недосяжні від початку' },
  category: {
    emergency: { en: 'emergency', uk: 'екстрена допомога' },
    escalated: { en: 'escalated', uk: 'передано далі' },
    referred: { en: 'referred', uk: 'перенаправлено' },
    informed: { en: 'informed', uk: 'поінформовано' },
    'no-action': { en: 'no action', uk: 'без дій' },
    dropped: { en: 'dropped', uk: 'обірвано' },
  },
} as const;
