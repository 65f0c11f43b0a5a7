/** `sop resume [session]`: list interrupted calls, or rebuild one from the journal and continue it. */
import { existsSync, readFileSync } from 'node:fs';
import { currentStep } from '../../core/engine/current-step.js';
import type { CallState } from '../../core/engine/types.js';
import { findSession } from '../../core/record/find-session.js';
import { summarise } from '../../core/record/summarise.js';
import type { RecordedSession } from '../../core/record/recorded-session.js';
import { loadConfig } from '../config/load-config.js';
import { EXIT, UserError } from '../exit-codes.js';
import { say, type Lang } from '../i18n.js';
import { openSessionWriterFor } from '../journal/writer.js';
import { readJournal, type RecordedSessionIn } from '../journal/reader.js';
import { acceptedLossesOf, type AcceptedLoss } from '../journal/accepted-losses.js';
import { printError } from '../output.js';
import { runLiveCall } from '../tui/live-call.js';
import { openLibrary } from '../tui/open-library.js';
import { verifyJournalFile } from '../journal/verify.js';
import { preCallNotices } from '../tui/pre-call-notices.js';
import { callWriterOptions } from '../tui/call-journal.js';
import { catchUp } from '../../core/record/catch-up.js';
import { rebuildCall } from '../../core/record/rebuild-call.js';
import { pickCall } from '../tui/pick-call.js';
import { safeLine } from '../text/safe-text.js';
import { runRun } from './run.js';
import { isInteractive } from '../is-interactive.js';
import { msg } from '../../core/model/message.js';

/** The options of `sop resume`: this command owns them; cli/define-resume.ts only parses argv into them. */
export interface ResumeOptions {
  readonly lang?: string;
  readonly dataDir?: string;
  readonly sops?: string;
}

export async function runResume(sessionArg: string | undefined, options: ResumeOptions): Promise<number> {
  let lang: Lang = 'en';
  try {
    const config = await loadConfig({ flags: { lang: options.lang, dataDir: options.dataDir, sopsDir: options.sops } });
    lang = config.lang;
    const interactive = isInteractive();
    const { sessions, notices } = readJournal(config.dataDir, 'live', { lang });
    for (const notice of notices) process.stderr.write(`sop: ${safeLine(notice)}\n`);
    // A running call (recorded now in another window) is not interrupted: it is never offered; nor
    // is the last call of a journal whose end may have been cut off (no readable head, or a head
    // the file no longer reaches): it may be half removed, not interrupted (sop log verify says more).
    const suspect = new Map<string, boolean>();
    const cutShort = (file: string): boolean => {
      let known = suspect.get(file);
      if (known === undefined) suspect.set(file, (known = verifyJournalFile(file, lang).breaks.some((b) => b.kind === 'truncated')));
      return known;
    };
    const lastOfFile = new Map<string, string>();
    for (const s of sessions) lastOfFile.set(s.file, s.id);
    // Once a loss is accepted (sop log accept-loss), the call it cut stays lost: never continued.
    const lostEnds = new Map<string, Map<string, AcceptedLoss>>();
    const lostEnd = (s: RecordedSessionIn): AcceptedLoss | undefined => {
      let known = lostEnds.get(s.file);
      if (known === undefined) {
        lostEnds.set(s.file, (known = new Map()));
        if (s.lines.length > 0) for (const a of acceptedLossesOf(readFileSync(s.file))) if (a.loss.lastSession !== undefined) known.set(a.loss.lastSession, a);
      }
      return known.get(s.id);
    };
    const halfRemoved = (s: RecordedSessionIn): boolean => (lastOfFile.get(s.file) === s.id && cutShort(s.file)) || lostEnd(s) !== undefined;
    const resumable = sessions.filter((s) => (s.status === 'interrupted' || s.status === 'open') && !halfRemoved(s));
    const running = sessions.filter((s) => s.status === 'running');

    if (sessionArg === undefined) {
      if (running.length > 0) {
        const ids = running.map((s) => safeLine(s.id)).join(', ');
        process.stderr.write(say(lang, msg('commands-resume-in-progress-in-another-window', { ids })));
      }
      if (resumable.length === 0) {
        process.stderr.write(say(lang, msg('commands-resume-no-interrupted-calls-n')));
        return EXIT.ok;
      }
      if (!interactive) {
        for (const session of resumable) process.stdout.write(`${listLine(session)}\n`);
        return EXIT.ok;
      }
      const picked = await pickCall(resumable, lang);
      if (picked === undefined) return EXIT.findings;
      sessionArg = picked;
    }
    // The same ids as `sop log show` and `sop replay`: the full id, a unique prefix, or the short suffix.
    const found = findSession(sessions, sessionArg);
    if (found.kind === 'ambiguous') {
      const list = found.matches.slice(0, 10).map((s) => `  ${listLine(s)}`).join('\n');
      throw new UserError(
        say(lang, msg('commands-resume-matches-calls-give-more-of', { sessionArg: safeLine(sessionArg), matchesCount: found.matches.length, list })),
      );
    }
    if (found.kind === 'unknown') {
      throw new UserError(
        say(lang, msg('commands-resume-no-call-in-the-journal', { sessionArg: safeLine(sessionArg), dataDir: config.dataDir })),
      );
    }
    const session = found.session;
    if (session.status === 'completed') {
      throw new UserError(say(lang, msg('commands-resume-call-is-completed-only-an', { id: safeLine(session.id) })));
    }
    if (session.status === 'running') {
      // Two processes must never record one call: it is continued in the window that runs it.
      const pid = session.recordedBy === undefined ? '' : ` (${say(lang, msg('commands-resume-process'))} ${session.recordedBy})`;
      throw new UserError(
        say(lang, msg('commands-resume-call-is-in-progress-in', { id: safeLine(session.id), pid })),
      );
    }
    if (halfRemoved(session)) throw halfRemovedError(session, lostEnd(session), lang);
    if (!interactive) {
      throw new UserError(
        say(lang, msg('commands-resume-continuing-a-call-needs-a', { id: safeLine(session.id) })),
      );
    }

    // The library the call was made from: its first SOP's file where it still is (a call may have
    // been started from a file outside the library folder), unless --sops says otherwise.
    const rootFile = session.start.files.find((f) => f.sop === session.start.sop)?.file;
    const fromFile = options.sops === undefined && rootFile !== undefined && existsSync(rootFile) ? rootFile : undefined;
    const { library } = await openLibrary(config.sopsDir, fromFile, lang);
    const changed = session.start.files.filter((f) => library.sops.get(f.sop)?.sha256 !== f.sha256);
    if (changed.length > 0) {
      const names = changed.map((f) => f.sop).join(', ');
      process.stderr.write(
        say(lang, msg('commands-resume-the-sop-has-changed-since', { names })),
      );
      const { askYesNo } = await import('../tui/prompts.js');
      const again = await askYesNo(say(lang, msg('commands-resume-start-the-call-over-with', { sop: session.start.sop })));
      if (!again) return EXIT.findings;
      return runRun(session.start.sop, { lang, dataDir: config.dataDir, sops: config.sopsDir, operator: session.start.operator });
    }

    const rebuilt = rebuildCall(library, session.start.sop, session.events);
    if (!rebuilt.ok) {
      throw new UserError(
        say(lang, msg('commands-resume-the-journal-of-call-does', { id: safeLine(session.id), step: rebuilt.step, message: rebuilt.refusal.message })),
      );
    }
    if (rebuilt.state.status !== 'active') {
      throw new UserError(say(lang, msg('commands-resume-call-already-reached-its-end', { id: safeLine(session.id) })));
    }
    const askAgain = rebuilt.askAgain;
    let first = true;
    const banner = (): { banner?: readonly string[] } | void => {
      if (!first) return;
      first = false;
      const resumed = say(lang, msg('commands-resume-resumed-call', { id: safeLine(session.id) }));
      if (!askAgain) return { banner: [resumed] };
      return {
        banner: [
          resumed,
          say(lang, msg('commands-resume-step-had-a-sensitive-answer', { askAgain })),
        ],
      };
    };
    // Said on stderr and again on the call's first screens (the alternate screen hides stderr).
    const preCall = preCallNotices(lang);
    const writer = await openSessionWriterFor(session.id, callWriterOptions(config, 'live', preCall));
    // The call was rebuilt from the journal as it was read, before the lock: another window may
    // have continued it since (while the menu or a prompt waited). Under the lock, its last line
    // must still be the one read, or the call would go on from a step it has already left.
    const lastRead = session.lines.reduce((last, line) => Math.max(last, line.seq), -1);
    if (writer.nextSeq !== lastRead + 1) {
      writer.close();
      throw new UserError(
        say(lang, msg('commands-resume-call-was-continued-in-another', { id: safeLine(session.id) })),
      );
    }
    try {
      const elapsedMs = session.lines.at(-1)?.ms ?? 0;
      const hooks = askAgain
        ? { beforeStep: banner, autoCommand: catchUp(askAgain, rebuilt.pending ?? [], (state: CallState) => currentStep(library, state)?.qualified) }
        : { beforeStep: banner };
      return await runLiveCall({ library, state: rebuilt.state, lang, writer, elapsedMs, hooks, notices: preCall.lines });
    } finally {
      writer.close();
      if (config.sync === 'after-call') await (await import('../store/after-call.js')).syncAfterCall(config);
    }
  } catch (error) {
    printError(error);
    return error instanceof UserError ? error.exitCode : EXIT.usage;
  }
}

function listLine(session: RecordedSession): string {
  const s = summarise(session);
  const why = session.interrupted?.reason ?? 'crash';
  return [s.id, s.startedAt.slice(0, 16).replace('T', ' '), s.sop, s.lastStep ?? '', why, s.operator].map((v) => safeLine(String(v))).join('\t');
}

/**
 * `sop resume ID` of a call whose end was cut off the journal: it may be half removed, not
 * interrupted, and continuing it would record the rest as if nothing were lost.
 */
function halfRemovedError(session: RecordedSessionIn, accepted: AcceptedLoss | undefined, lang: Lang): UserError {
  const id = safeLine(session.id);
  const file = safeLine(session.file);
  if (accepted !== undefined) {
    const who = `${safeLine(accepted.by)}, ${accepted.at}`;
    return new UserError(
      say(lang, msg('commands-resume-call-cannot-be-continued-lines', { id, file, who })),
    );
  }
  return new UserError(
    say(lang, msg('commands-resume-call-cannot-be-continued-lines-2', { id, file })),
  );
}
