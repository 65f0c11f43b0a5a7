/**
 * The SOP model: the in-memory shape of a `*.sop.yaml` file after it passed
 * `schemas/sop.schema.json`. The schema is the source of truth; test/model-matches-schema
 * checks that these types and the schema agree, so they cannot drift.
 */

/** A text in one language for all, or a map language -> text. */
export type Localized = string | { readonly [language: string]: string };

export type VariableType = 'bool' | 'int' | 'string' | 'list';
/** Runtime value of a variable. Ints are JS numbers (safe integers). */
export type Value = boolean | number | string | readonly string[];

export interface VariableDecl {
  readonly type: VariableType;
  readonly default?: Value;
  readonly description?: Localized;
}

export type OutcomeCategory = 'informed' | 'referred' | 'escalated' | 'emergency' | 'no-action' | 'dropped';

export interface OutcomeDecl {
  readonly label: Localized;
  readonly category: OutcomeCategory;
  readonly description?: Localized;
}

export interface Interrupt {
  readonly key: string;
  readonly label: Localized;
  readonly goto: string;
}

export interface Branch {
  readonly when?: string;
  readonly goto: string;
  readonly label?: Localized;
}

/** A step id, or branches tried in order (the last without `when` is the default). */
export type Next = string | readonly Branch[];

export interface AskOption {
  readonly id: string;
  readonly label: Localized;
  readonly next?: Next;
  readonly set?: { readonly [variable: string]: Value };
}

export interface ChecklistOption {
  readonly id: string;
  readonly label: Localized;
  readonly hint?: Localized;
}

export interface InputSpec {
  readonly type: 'int' | 'string' | 'bool';
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly optional?: boolean;
}

interface StepBase {
  /** A short name (a few words) for handbooks, diagrams and cards; the id stands in without one. */
  readonly title?: Localized;
  readonly text?: Localized;
  readonly guidance?: Localized;
  readonly source?: Localized;
}

export interface SayStep extends StepBase {
  readonly kind: 'say';
  readonly text: Localized;
  readonly say?: Localized;
  readonly next: Next;
}

export interface AskStep extends StepBase {
  readonly kind: 'ask';
  readonly text: Localized;
  readonly say?: Localized;
  readonly options: readonly AskOption[];
  readonly save?: string;
  readonly stat?: string;
  readonly sensitive?: boolean;
  readonly next?: Next;
}

export interface ChecklistStep extends StepBase {
  readonly kind: 'checklist';
  readonly text: Localized;
  readonly say?: Localized;
  readonly options: readonly ChecklistOption[];
  readonly save?: string;
  readonly sensitive?: boolean;
  readonly next: Next;
}

export interface InputStep extends StepBase {
  readonly kind: 'input';
  readonly text: Localized;
  readonly say?: Localized;
  readonly input: InputSpec;
  readonly save?: string;
  readonly stat?: string;
  readonly sensitive?: boolean;
  readonly next: Next;
}

export interface DecideStep extends StepBase {
  readonly kind: 'decide';
  readonly next: readonly Branch[];
}

export interface CallStep extends StepBase {
  readonly kind: 'call';
  readonly sop: string;
  readonly with?: { readonly [calleeVariable: string]: string };
  /**
   * A string variable of the caller that receives the outcome id (without the SOP id) of the end
   * the called SOP reached, before `next` is evaluated. The only value a called SOP hands back.
   */
  readonly save?: string;
  /** Without next, the called SOP's outcome ends this SOP too (a tail call). */
  readonly next?: Next;
}

export interface EndStep extends StepBase {
  readonly kind: 'end';
  readonly say?: Localized;
  readonly outcome: string;
  readonly refer?: readonly string[];
}

export type Step = SayStep | AskStep | ChecklistStep | InputStep | DecideStep | CallStep | EndStep;
export type StepKind = Step['kind'];
/** Steps a counsellor answers; decide and call are passed through by the engine, end finishes. */
export type InteractiveStep = SayStep | AskStep | ChecklistStep | InputStep;

export interface Sop {
  readonly sop: string;
  readonly version: string;
  readonly title: Localized;
  readonly description?: Localized;
  readonly languages: readonly string[];
  readonly start: string;
  readonly variables?: { readonly [name: string]: VariableDecl };
  readonly outcomes?: { readonly [id: string]: OutcomeDecl };
  readonly interrupts?: readonly Interrupt[];
  readonly steps: { readonly [id: string]: Step };
}
