/**
 * The engine: pure transitions over a loaded library. state + command -> new state + events.
 * See docs/engine.md.
 */
export type * from './types.js';
export { startCall } from './start-call.js';
export { step } from './step.js';
export { currentStep } from './current-step.js';
export { waitingAt } from './waiting-at.js';
export { availableInterrupts } from './available-interrupts.js';
export { answerFromScripted, scriptedAnswer, ScriptedAnswerError, type ScriptedAnswer } from './answer-from-scripted.js';
export { drive } from './drive.js';
export { prepareLibrary } from './prepared-sop.js';
export { MAX_AUTOMATIC_TRANSITIONS } from './settle.js';
