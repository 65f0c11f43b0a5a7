/**
 * The engine's contract. The engine is pure: state + command -> new state + events.
 * No terminal, no files, no clock: the drivers (run, train, replay, test) pass input in
 * and write events out. Events are plain JSON-serialisable data (goflow is the model).
 */
import type { LoadedSop } from '../model/library.js';
import type { InteractiveStep, Localized, Value } from '../model/sop.js';

/** One SOP on the call stack. */
export interface Frame {
  readonly sop: string;
  /** The step this frame is at (for a caller: the `call` step it is waiting on). */
  readonly step: string;
  readonly vars: { readonly [name: string]: Value };
}

/** What the counsellor gives at an interactive step. */
export type Answer =
  | { readonly kind: 'continue' } // say
  | { readonly kind: 'option'; readonly option: string } // ask
  | { readonly kind: 'checked'; readonly options: readonly string[] } // checklist
  | { readonly kind: 'value'; readonly raw: string }; // input: raw text, parsed and checked by the engine

export type Command =
  | { readonly type: 'answer'; readonly answer: Answer }
  | { readonly type: 'back' }
  | { readonly type: 'interrupt'; readonly key: string }
  /** `unfinished`: the note was still being typed when the call was interrupted (Ctrl+C, SIGHUP...). */
  | { readonly type: 'note'; readonly text: string; readonly unfinished?: true };

/** `sop-id/step-id`: unambiguous across a call that enters sub-SOPs. */
export type QualifiedStep = string;

export interface CallState {
  /** The SOP the call started with. */
  readonly root: string;
  /** Innermost frame last. Empty once the call has ended. */
  readonly frames: readonly Frame[];
  readonly status: 'active' | 'ended';
  /** Steps shown so far, in order (after back: the undone ones removed). */
  readonly path: readonly QualifiedStep[];
  /** Directory ids referred to so far, in first-seen order. */
  readonly referrals: readonly string[];
  /** Set when ended: `sop-id/outcome-id`. */
  readonly outcome?: string;
  /** Previous states, for back. Shared structurally, so cheap. */
  readonly previous?: CallState;
  /** Answers undone by back, by qualified step: the next answer there is an amendment. */
  readonly undone?: { readonly [step: QualifiedStep]: AnswerRecord };
  /** The answer that led from `previous` to this state (absent after an interrupt): back undoes it. */
  readonly lastAnswer?: AnswerRecord;
}

/** An answer as recorded (value is what was saved: option id, list of ids, parsed input). */
export interface AnswerRecord {
  readonly step: QualifiedStep;
  readonly answer: Answer;
  readonly value: Value | null;
  readonly sensitive: boolean;
  /** The step's `stat` dimension, when it is an anonymous statistic. */
  readonly stat?: string;
}

/**
 * On an event that records a step being left (`answer`, `amend`, `sop-returned` with `to`): the
 * 0-based index of the branch of the conditional `next` the engine took (the step's `next`, or
 * the chosen ask option's own). Absent when that `next` is a plain step id. Readers use it rather
 * than the target, which two branches may share; journals recorded before it existed lack it.
 */
export interface BranchTaken {
  readonly branch?: number;
}

export type EngineEvent =
  | { readonly type: 'step-shown'; readonly step: QualifiedStep; readonly kind: 'say' | 'ask' | 'checklist' | 'input' }
  | ({ readonly type: 'answer' } & AnswerRecord & BranchTaken)
  | ({ readonly type: 'amend'; readonly original: AnswerRecord } & AnswerRecord & BranchTaken)
  | { readonly type: 'back'; readonly from: QualifiedStep; readonly to: QualifiedStep }
  | { readonly type: 'note'; readonly step: QualifiedStep; readonly text: string; readonly unfinished?: true }
  | { readonly type: 'interrupt'; readonly key: string; readonly from: QualifiedStep; readonly to: QualifiedStep }
  | { readonly type: 'decision'; readonly step: QualifiedStep; readonly branch: number; readonly to: QualifiedStep }
  /** `from` is the call step, or '' for the root SOP when the call starts. */
  | { readonly type: 'sop-entered'; readonly sop: string; readonly from: QualifiedStep }
  | ({ readonly type: 'sop-returned'; readonly sop: string; readonly outcome: string; readonly to?: QualifiedStep } & BranchTaken)
  | { readonly type: 'call-ended'; readonly outcome: string; readonly referrals: readonly string[] };

/** Every refusal code the engine gives (Refusal.code). */
export type RefusalCode =
  // the command does not fit the call or the step
  | 'call-ended'
  | 'wrong-answer-kind'
  | 'unknown-option'
  | 'duplicate-option'
  | 'required'
  | 'not-an-int'
  | 'out-of-range'
  | 'too-long'
  | 'pattern-mismatch'
  | 'not-a-bool'
  | 'nothing-to-undo'
  | 'unknown-interrupt'
  | 'bad-start-variable'
  // the library is broken (the validator reports these before a call)
  | 'unknown-sop'
  | 'unknown-step'
  | 'not-interactive'
  | 'no-branch'
  | 'condition-failed'
  | 'too-many-automatic-steps';

/** Why a command was refused (bad input value, unknown option, nothing to go back to...). */
export interface Refusal {
  /** One of RefusalCode. */
  readonly code: string;
  /** English and Ukrainian message for the counsellor. */
  readonly message: { readonly en: string; readonly uk: string };
}

export type StepResult =
  | { readonly ok: true; readonly state: CallState; readonly events: readonly EngineEvent[] }
  | { readonly ok: false; readonly refusal: Refusal };

/** Where a call is waiting: the interactive step of the innermost frame. */
export interface CurrentStep {
  readonly sop: LoadedSop;
  readonly stepId: string;
  readonly step: InteractiveStep;
  readonly qualified: QualifiedStep;
  /** 0 for the root SOP, 1 inside a called SOP, ... */
  readonly depth: number;
}

/** An interrupt key the counsellor can press now. */
export interface InterruptOffer {
  readonly key: string;
  readonly label: Localized;
  /** The SOP that declared it (the outermost one, when several declare the key). */
  readonly sop: string;
  /** The step in that SOP it jumps to. */
  readonly goto: string;
}

export interface StartOptions {
  /** Initial values of the root SOP's variables (e.g. from the command line). */
  readonly vars?: { readonly [name: string]: Value };
}

/** What `drive` shows its callback at each step. */
export interface DriveView {
  readonly state: CallState;
  readonly current: CurrentStep;
  /** The refusal of the callback's previous command, if it was refused (the call did not move). */
  readonly refusal?: Refusal;
  /** Commands given so far (including refused ones). */
  readonly commands: number;
  /** Events so far: where the events of the command about to be given will start in the result's `events`. */
  readonly eventCount: number;
}

export interface DriveOptions extends StartOptions {
  /** Stop after this many commands (refused ones count): a callback can never hang the loop. Default 100,000. */
  readonly maxCommands?: number;
}

export interface DriveResult {
  /** The final state: ended, or active where the callback stopped. */
  readonly state: CallState;
  readonly events: readonly EngineEvent[];
  /** Every refused command's refusal, in order (the start's, when the call could not start). */
  readonly refusals: readonly Refusal[];
  /** Why the loop stopped. 'start-refused': the call could not start (state has no frames, no outcome). */
  readonly stop: 'ended' | 'no-command' | 'command-limit' | 'start-refused';
}
