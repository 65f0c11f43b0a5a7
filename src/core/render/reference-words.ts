/** The words references in texts render with, in English and Ukrainian. */
import type { Message } from '../model/message.js';

export const REFERENCE_WORDS = {
  or: { en: 'or', uk: 'або' },
  yes: { en: 'yes', uk: 'так' },
  no: { en: 'no', uk: 'ні' },
  notGiven: { en: '(not given)', uk: '(не вказано)' },
  unknownContact: { en: '(contact missing from the directory)', uk: '(контакту немає в довіднику)' },
  openAlways: { en: 'open 24/7', uk: 'працює цілодобово' },
  openUntil: { en: 'open now, until', uk: 'зараз працює, до' },
  closedOpensToday: { en: 'closed now, opens today at', uk: 'зараз зачинено, відкриється сьогодні о' },
  closedOpens: { en: 'closed now, opens', uk: 'зараз зачинено, відкриється' },
  closed: { en: 'closed now', uk: 'зараз зачинено' },
  at: { en: 'at', uk: 'о' },
  days: {
    mon: { en: 'Mon', uk: 'пн' },
    tue: { en: 'Tue', uk: 'вт' },
    wed: { en: 'Wed', uk: 'ср' },
    thu: { en: 'Thu', uk: 'чт' },
    fri: { en: 'Fri', uk: 'пт' },
    sat: { en: 'Sat', uk: 'сб' },
    sun: { en: 'Sun', uk: 'нд' },
  },
} as const satisfies Record<string, Message | Record<string, Message>>;
