/**
 * A recorded call fed back to the engine through `drive`: each recorded command is given at
 * the step it was recorded at, from a fresh start. Resume (rebuildCall), replay and
 * `sop replay --check` (checkCall) all rebuild calls through this one function and differ only
 * in what they make of where it stopped. Notes whose text is protected are skipped: a note
 * never moves the call, and its text is gone.
 */
import { drive } from '../engine/drive.js';
import type { CallState, EngineEvent, Refusal } from '../engine/types.js';
import type { Library } from '../model/library.js';
import type { RecordedCommand } from './commands-from-events.js';

/** Why feeding stopped. `index` is the recorded command's place in the list given. */
type FeedStop =
  /** Every recorded command was applied. */
  | { readonly kind: 'all-fed' }
  /** The SOP refused to start. */
  | { readonly kind: 'start-refused'; readonly refusal: Refusal }
  /** The call ended before this recorded command. */
  | { readonly kind: 'ended-early'; readonly index: number; readonly recorded: RecordedCommand }
  /** The call waits at another step (`now`) than the one this command was recorded at. */
  | { readonly kind: 'elsewhere'; readonly index: number; readonly recorded: RecordedCommand; readonly now: string }
  /** A sensitive answer kept only as "[redacted]": it cannot be given again from the journal. */
  | { readonly kind: 'redacted'; readonly index: number; readonly recorded: RecordedCommand }
  /** The engine refused this recorded command. */
  | { readonly kind: 'refused'; readonly index: number; readonly recorded: RecordedCommand; readonly refusal: Refusal };

/** The last recorded answer the engine took: where a path can part after it. */
interface FedAnswer {
  readonly recorded: RecordedCommand;
  /** Its place among the recorded answer commands (0 = the first answer). */
  readonly ordinal: number;
  /** Where the events that followed it start in `events`. */
  readonly eventsFrom: number;
}

export interface FedRecording {
  /** The state where feeding stopped. */
  readonly state: CallState;
  /** Every engine event of the rebuilt call, the start's first. */
  readonly events: readonly EngineEvent[];
  readonly stop: FeedStop;
  readonly lastAnswer?: FedAnswer;
}

export function feedRecording(library: Library, sop: string, commands: readonly RecordedCommand[]): FedRecording {
  let index = 0;
  let answers = 0;
  let stop: FeedStop | undefined;
  let lastAnswer: FedAnswer | undefined;
  let given: FedAnswer | undefined;
  const skipProtectedNotes = (): void => {
    while (index < commands.length && commands[index]!.redacted && commands[index]!.command.type === 'note') index++;
  };
  const driven = drive(
    library,
    sop,
    (view) => {
      if (view.refusal) {
        stop = { kind: 'refused', index: index - 1, recorded: commands[index - 1]!, refusal: view.refusal };
        return undefined;
      }
      // The previous command was taken (a refusal would have stopped us above).
      if (given) [lastAnswer, given] = [given, undefined];
      skipProtectedNotes();
      const recorded = commands[index];
      if (recorded === undefined) {
        stop = { kind: 'all-fed' };
        return undefined;
      }
      if (view.current.qualified !== recorded.step) {
        stop = { kind: 'elsewhere', index, recorded, now: view.current.qualified };
        return undefined;
      }
      if (recorded.redacted) {
        stop = { kind: 'redacted', index, recorded };
        return undefined;
      }
      if (recorded.command.type === 'answer') given = { recorded, ordinal: answers++, eventsFrom: view.eventCount };
      index++;
      return recorded.command;
    },
    // One command per recorded one and none after a refusal: the limit is never what stops a feed.
    { maxCommands: commands.length + 1 },
  );
  if (driven.stop === 'start-refused') return { state: driven.state, events: driven.events, stop: { kind: 'start-refused', refusal: driven.refusals[0]! } };
  if (driven.stop === 'ended') {
    // The last command ended the call: it was taken.
    if (given) lastAnswer = given;
    skipProtectedNotes();
    const recorded = commands[index];
    stop = recorded === undefined ? { kind: 'all-fed' } : { kind: 'ended-early', index, recorded };
  }
  return { state: driven.state, events: driven.events, stop: stop ?? { kind: 'all-fed' }, ...(lastAnswer ? { lastAnswer } : {}) };
}
