/** The runner's own words on screen, in English and Ukrainian (used through `say(lang, ...)`). */
import type { Message } from '../i18n.js';
import { msg } from '../../core/model/message.js';

export const WORDS = {
  say: msg('tui-say'),
  guidance: msg('tui-guidance'),
  noGuidance: msg('tui-no-guidance'),
  source: msg('tui-source'),
  more: msg('tui-more'),
  pageHint: msg('tui-page-hint'),
  practice: msg('tui-practice'),
  continue: msg('tui-continue'),
  typeAnswer: msg('tui-type-answer'),
  escThen: msg('tui-esc-then'),
  keysAfterEsc: msg('tui-keys-after-esc'),
  guidanceKey: msg('tui-guidance-key'),
  back: msg('tui-back'),
  note: msg('tui-note'),
  quit: msg('tui-quit'),
  optional: msg('tui-optional'),
  answer: msg('tui-answer'),
  previously: msg('tui-previously'),
  notePrompt: msg('tui-note-prompt'),
  noteSaved: msg('tui-note-saved'),
  noteEmpty: msg('tui-note-empty'),
  confirmQuit: msg('tui-confirm-quit'),
  commandMode: msg('tui-command-mode'),
  ticked: msg('tui-ticked'),
  nothingTicked: msg('tui-nothing-ticked'),
  // Summary
  summary: msg('tui-summary'),
  outcome: msg('tui-outcome'),
  path: msg('tui-path'),
  referrals: msg('tui-referrals'),
  noReferrals: msg('tui-no-referrals'),
  hours: msg('tui-hours'),
  unverified: msg('tui-unverified'),
  lastVerified: msg('tui-last-verified'),
  unknownContact: msg('tui-unknown-contact'),
  duration: msg('tui-duration'),
  answers: msg('tui-answers'),
  sealed: msg('tui-sealed'),
  fullPath: msg('tui-full-path'),
  session: msg('tui-session'),
  journal: msg('tui-journal'),
  interruptedTitle: msg('tui-interrupted-title'),
  resumeHint: msg('tui-resume-hint'),
  stoppedAt: msg('tui-stopped-at'),
  unfinishedNoteKept: msg('tui-unfinished-note-kept'),
} satisfies Record<string, Message>;

export const SUMMARY_WORDS = {
  moreAnswers: (n: number): Message => (msg('tui-more-answers', { n })),
};

/** The footer's first line for a list: the digit keys there are ("1-9", "1-4"). */
export const LIST_WORDS = {
  choose: (digits: string): Message => (msg('tui-choose', { digits })),
  toggle: (digits: string): Message => (msg('tui-toggle', { digits })),
};
