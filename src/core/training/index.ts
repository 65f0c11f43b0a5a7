/** Training (pure): the expert's call from a scenario, the debrief and score of a session, the trainee report. */
export { expertRun, expertAt, type ExpertRun, type ExpertEntry, type ExpertAnswer, type ExpertInterrupt } from './expert-run.js';
export { debriefSession, type Debrief, type DecisionRow, type OffPathRow, type RedFlag, type StepTime, type TrainingSession, type Verdict } from './debrief-session.js';
export { finalChoices, interruptsUsed, isRedacted, type Choice } from './final-answers.js';
export { scoreOf, checklistCredit, WEIGHTS, type Score, type ScoreParts, type ScorePart } from './score.js';
export { formatDebrief } from './format-debrief.js';
export { PLAIN, type TextStyle } from './text-style.js';
export { TW } from './training-words.js';
export { traineeReport, type TraineeReport, type ReportInput, type ReportSession, type ReportScenario, type StepCount, type FlagCount } from './trainee-report.js';
export { alignedLayout, formatReport, type ReportLayout } from './format-report.js';
export { stepBanner } from './step-banner.js';
export { interruptLabel } from './interrupt-label.js';
