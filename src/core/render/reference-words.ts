/** The words references in texts render with, in English and Ukrainian. */
import type { Message } from '../model/message.js';
import { msg } from '../model/message.js';

export const REFERENCE_WORDS = {
  or: msg('reference-or'),
  yes: msg('reference-yes'),
  no: msg('reference-no'),
  notGiven: msg('reference-not-given'),
  unknownContact: msg('reference-unknown-contact'),
  openAlways: msg('reference-open-always'),
  openUntil: msg('reference-open-until'),
  closedOpensToday: msg('reference-closed-opens-today'),
  closedOpens: msg('reference-closed-opens'),
  closed: msg('reference-closed'),
  at: msg('reference-at'),
  days: {
    mon: msg('reference-days-mon'),
    tue: msg('reference-days-tue'),
    wed: msg('reference-days-wed'),
    thu: msg('reference-days-thu'),
    fri: msg('reference-days-fri'),
    sat: msg('reference-days-sat'),
    sun: msg('reference-days-sun'),
  },
} as const satisfies Record<string, Message | Record<string, Message>>;
