/**
 * Rebuilds an interrupted call's state from its journal (resume): the recorded commands fed to
 * the engine from a fresh start (feedRecording). A sensitive answer was never stored in clear,
 * so it cannot be replayed: the rebuild stops there and that step is asked again, the rest of
 * the recording kept to re-apply after it (catchUp). A recording that no longer fits the SOP
 * (refused, or at another step than recorded) is not rebuilt.
 */
import type { CallState, Refusal } from '../engine/types.js';
import type { Library } from '../model/library.js';
import { commandsFromEvents, type RecordedCommand, type RecordedEvent } from './commands-from-events.js';
import { feedRecording } from './feed-recording.js';

export type Rebuilt =
  | {
      readonly ok: true;
      readonly state: CallState;
      /** Set when a protected answer stopped the rebuild: the step to ask again. */
      readonly askAgain?: string;
      /** The recorded commands after that answer, to re-apply once it is given again (see catchUp). */
      readonly pending?: readonly RecordedCommand[];
    }
  | { readonly ok: false; readonly step: string; readonly refusal: Refusal };

export function rebuildCall(library: Library, sop: string, events: readonly RecordedEvent[]): Rebuilt {
  const commands = commandsFromEvents(events);
  const fed = feedRecording(library, sop, commands);
  const stop = fed.stop;
  switch (stop.kind) {
    case 'all-fed':
      return { ok: true, state: fed.state };
    case 'redacted':
      return { ok: true, state: fed.state, askAgain: stop.recorded.step, pending: commands.slice(stop.index + 1) };
    case 'start-refused':
      return { ok: false, step: `${sop}/`, refusal: stop.refusal };
    case 'refused':
      return { ok: false, step: stop.recorded.step, refusal: stop.refusal };
    case 'elsewhere':
      return {
        ok: false,
        step: stop.recorded.step,
        refusal: { code: 'recording-elsewhere', message: { en: `the call is at ${stop.now}, the journal recorded the next command at ${stop.recorded.step}`, uk: `дзвінок на кроці ${stop.now}, а журнал записав наступну дію на кроці ${stop.recorded.step}` } },
      };
    case 'ended-early':
      return {
        ok: false,
        step: stop.recorded.step,
        refusal: { code: 'recording-ended', message: { en: `the call ends with ${fed.state.outcome ?? '?'} before the journal's next command`, uk: `дзвінок завершується результатом ${fed.state.outcome ?? '?'} раніше за наступну дію з журналу` } },
      };
  }
}
