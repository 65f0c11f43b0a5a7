/**
 * Variables and conditions of one SOP:
 *  SOP201 undefined-variable  save/set/with/when name a variable the SOP does not declare;
 *  SOP202 unused-variable     declared, never read or written;
 *  SOP203 variable-type       save/set/default/with of the wrong type (ask saves a string option
 *                             id, checklist a list, input its input type);
 *  SOP204 cel-syntax, SOP205 cel-type  conditions, checked by src/core/conditions;
 *  SOP208 condition-cost  a condition whose estimated cost, on the largest values the SOP admits,
 *                         is over the budget (a decide step could freeze the call).
 */
import { checkCondition, type ConditionCheck } from '../../conditions/check-condition.js';
import type { VariableDecls } from '../../conditions/environment-for.js';
import { CONDITION_BUDGET } from '../../conditions/condition-cost.js';
import { estimateConditionCost } from '../../conditions/compile-condition.js';
import { sopBounds } from '../../conditions/size-bounds.js';
import { matchesPatternsIn } from '../matches-patterns.js';
import { patternProblem } from '../pattern-problem.js';
import { keyPosition, sourceLine } from '../../load/source-text.js';
import type { Library, LoadedSop, Position } from '../../model/library.js';
// Still inline { en, uk } pairs, composed from one another (not yet in the catalogues).
import type { InlineMessage as Message } from '../../model/message.js';
import type { CallStep, Step, Value, VariableType } from '../../model/sop.js';
import { suggestion } from '../../findings/did-you-mean.js';
import type { Finding } from '../../findings/finding.js';
import { makeFinding } from '../../findings/make-finding.js';
import { RULES } from '../../findings/rules.js';
import { branchLists } from './step-graph.js';
import { textsOf } from '../../model/texts-of.js';
import { findReferences } from '../../model/text-references.js';

function typeOfValue(value: Value | null | undefined): VariableType | undefined {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : undefined;
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'list';
  return undefined;
}

const TYPE_WORDS: { readonly [T in VariableType]: Message } = {
  bool: { en: 'true or false (bool)', uk: 'true або false (bool)' },
  int: { en: 'a whole number (int)', uk: 'ціле число (int)' },
  string: { en: 'a text (string)', uk: 'текст (string)' },
  list: { en: 'a list of ids (list)', uk: 'список ідентифікаторів (list)' },
};

/** A condition's problem as the CEL checker words it, with the condition quoted. */
function conditionProblem(when: string, kind: 'syntax' | 'type', problem: string): Message {
  const en = `condition '${when}': ${problem}`;
  // The one message of our own (checkCondition); the CEL library's own words stay as they are.
  const notBool = /^a condition must be bool, but this expression is (.+)$/.exec(problem);
  if (notBool) return { en, uk: `умова «${when}»: результат умови має бути bool, а цей вираз має тип ${notBool[1]}` };
  if (kind === 'syntax') return { en, uk: `умова «${when}» не є правильним виразом CEL: ${problem}` };
  return { en, uk: `умова «${when}» має помилку типів: ${problem}` };
}

/** Identifiers an expression reads (string literals removed). */
function identifiersIn(expression: string): string[] {
  const code = expression.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
  return code.match(/(?<![.\w])[a-z_][a-z0-9_]*/g) ?? [];
}

/** Where a condition's problem is: inside the value when it is on one line, else at its start. */
function conditionPosition(loaded: LoadedSop, path: readonly (string | number)[], offset: number | undefined): Position | undefined {
  const start = loaded.positionOf(path);
  if (start === undefined || offset === undefined) return start;
  const line = sourceLine(loaded.positionOf, start.line);
  if (line === undefined) return start;
  const first = line[start.col - 1];
  if (first === '|' || first === '>') return start;
  const quote = first === '"' || first === "'" ? 1 : 0;
  return { line: start.line, col: start.col + quote + offset };
}

const passedInCache = new WeakMap<Library, Map<string, Set<string>>>();

/** For each SOP id, the variables some caller sets with `with` (computed once per library). */
function passedIn(library: Library): Map<string, Set<string>> {
  let map = passedInCache.get(library);
  if (map === undefined) {
    map = new Map();
    for (const other of library.sops.values()) {
      for (const step of Object.values(other.sop.steps)) {
        if (step.kind !== 'call' || step.with === undefined) continue;
        const names = map.get(step.sop) ?? new Set<string>();
        for (const name of Object.keys(step.with)) names.add(name);
        map.set(step.sop, names);
      }
    }
    passedInCache.set(library, map);
  }
  return map;
}

/** What the checks of one SOP share: the SOP, its declarations, the findings so far, the names read. */
interface VariableContext {
  readonly loaded: LoadedSop;
  readonly library: Library;
  readonly declared: VariableDecls;
  readonly names: readonly string[];
  readonly findings: Finding[];
  readonly used: Set<string>;
  /** The same condition is often written at several steps: check it once per SOP. */
  readonly checks: Map<string, ConditionCheck>;
  bounds?: ReturnType<typeof sopBounds>;
}

export function checkVariables(loaded: LoadedSop, library: Library): Finding[] {
  const declared = loaded.sop.variables ?? {};
  const ctx: VariableContext = { loaded, library, declared, names: Object.keys(declared), findings: [], used: new Set(), checks: new Map() };
  checkDefaults(ctx);
  for (const [id, step] of Object.entries(loaded.sop.steps)) {
    checkSaves(ctx, id, step);
    if (step.kind === 'call') checkCallWith(ctx, id, step);
    for (const { branches, path } of branchLists(id, step)) {
      branches.forEach((branch, index) => {
        if (branch.when !== undefined) checkBranchCondition(ctx, branch.when, [...path, index, 'when']);
      });
    }
  }
  markTextReads(ctx);
  reportUnused(ctx);
  return ctx.findings;
}

function isDeclared(ctx: VariableContext, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(ctx.declared, name);
}

/**
 * `phrase` names what happens to the variable and is followed by its name: "with passes the
 * variable" ('safe'), in Ukrainian "with передає змінну" («safe»).
 */
function requireDeclared(ctx: VariableContext, name: string, path: readonly (string | number)[], phrase: Message): boolean {
  const { sop, file, positionOf } = ctx.loaded;
  ctx.used.add(name);
  if (isDeclared(ctx, name)) return true;
  ctx.findings.push(
    makeFinding(
      RULES.undefinedVariable,
      file,
      positionOf(path),
      { en: `${phrase.en} '${name}', which SOP '${sop.sop}' does not declare`, uk: `${phrase.uk} «${name}», якої СОП «${sop.sop}» не оголошує` },
      suggestion(name, ctx.names) ?? { en: `declare it under variables: (${name}: { type: ... })`, uk: `оголосіть її в variables: (${name}: { type: ... })` },
    ),
  );
  return false;
}

/** `action` says what is stored, e.g. "the ask step saves the chosen option id". */
function requireType(ctx: VariableContext, name: string, expected: VariableType, path: readonly (string | number)[], action: Message): void {
  if (!requireDeclared(ctx, name, path, { en: `${action.en} into`, uk: `${action.uk} у змінну` })) return;
  const actual = ctx.declared[name]!.type;
  if (actual === expected) return;
  const words = TYPE_WORDS[expected];
  ctx.findings.push(
    makeFinding(
      RULES.variableType,
      ctx.loaded.file,
      ctx.loaded.positionOf(path),
      {
        en: `${action.en}, ${words.en}, into '${name}', but '${name}' is declared as ${actual}`,
        uk: `${action.uk}, ${words.uk}, у змінну «${name}», але «${name}» оголошено як ${actual}`,
      },
      { en: `declare '${name}' as ${expected}, or use another variable`, uk: `оголосіть «${name}» як ${expected} або використайте іншу змінну` },
    ),
  );
}

/** SOP203: a default of another type than its variable's. */
function checkDefaults(ctx: VariableContext): void {
  for (const [name, decl] of Object.entries(ctx.declared)) {
    if (decl.default === undefined) continue;
    const actual = typeOfValue(decl.default);
    if (actual !== decl.type) {
      ctx.findings.push(
        makeFinding(RULES.variableType, ctx.loaded.file, ctx.loaded.positionOf(['variables', name, 'default']), {
          en: `the default of '${name}' is ${actual ?? 'not a valid value'}, but '${name}' is declared as ${decl.type}`,
          uk: `типове значення «${name}» — ${actual ?? 'недопустиме значення'}, але «${name}» оголошено як ${decl.type}`,
        }),
      );
    }
  }
}

/** What a step stores: `save` of each kind with the type it stores, and an ask option's `set`. */
function checkSaves(ctx: VariableContext, id: string, step: Step): void {
  const base = ['steps', id];
  if (step.kind === 'ask' && step.save !== undefined) {
    requireType(ctx, step.save, 'string', [...base, 'save'], { en: 'the ask step saves the chosen option id', uk: 'крок ask зберігає ідентифікатор вибраного варіанта' });
  }
  if (step.kind === 'checklist' && step.save !== undefined) {
    requireType(ctx, step.save, 'list', [...base, 'save'], { en: 'the checklist saves the ticked option ids', uk: 'крок checklist зберігає ідентифікатори позначених варіантів' });
  }
  if (step.kind === 'input' && step.save !== undefined) {
    requireType(ctx, step.save, step.input.type, [...base, 'save'], { en: 'the input step saves its answer', uk: 'крок input зберігає відповідь' });
  }
  if (step.kind === 'call' && step.save !== undefined) {
    requireType(ctx, step.save, 'string', [...base, 'save'], { en: 'the call step saves the outcome id of the called SOP', uk: 'крок call зберігає ідентифікатор результату викликаної СОП' });
  }
  if (step.kind === 'ask') {
    step.options.forEach((option, index) => {
      for (const [name, value] of Object.entries(option.set ?? {})) {
        const actual = typeOfValue(value);
        if (actual === undefined) continue;
        requireType(ctx, name, actual, [...base, 'options', index, 'set', name], { en: `option '${option.id}' stores its value`, uk: `варіант «${option.id}» зберігає своє значення` });
      }
    });
  }
}

/** A call's `with`: the caller's variable declared, the callee's declared, both of one type. */
function checkCallWith(ctx: VariableContext, id: string, step: CallStep): void {
  const { file, positionOf } = ctx.loaded;
  const callee = ctx.library.sops.get(step.sop)?.sop;
  for (const [calleeName, callerName] of Object.entries(step.with ?? {})) {
    const path = ['steps', id, 'with', calleeName];
    const callerKnown = requireDeclared(ctx, callerName, path, { en: 'with passes the variable', uk: 'with передає змінну' });
    if (callee === undefined) continue;
    const calleeDecl = callee.variables?.[calleeName];
    if (calleeDecl === undefined || !Object.prototype.hasOwnProperty.call(callee.variables, calleeName)) {
      ctx.findings.push(
        makeFinding(
          RULES.undefinedVariable,
          file,
          keyPosition(positionOf, path),
          { en: `with sets '${calleeName}', which SOP '${callee.sop}' does not declare`, uk: `with задає змінну «${calleeName}», якої СОП «${callee.sop}» не оголошує` },
          suggestion(calleeName, Object.keys(callee.variables ?? {})),
        ),
      );
      continue;
    }
    const callerType = callerKnown ? ctx.declared[callerName]!.type : calleeDecl.type;
    if (calleeDecl.type !== callerType) {
      ctx.findings.push(
        makeFinding(RULES.variableType, file, positionOf(path), {
          en: `with copies '${callerName}' (${callerType}) into '${calleeName}' of SOP '${callee.sop}', which is ${calleeDecl.type}`,
          uk: `with копіює «${callerName}» (${callerType}) у змінну «${calleeName}» СОП «${callee.sop}», яка має тип ${calleeDecl.type}`,
        }),
      );
    }
  }
}

/** One `when`: its names count as read; it must compile (SOP201/204/205), stay in budget (SOP208), and its matches() patterns be safe. */
function checkBranchCondition(ctx: VariableContext, when: string, whenPath: readonly (string | number)[]): void {
  for (const name of identifiersIn(when)) if (isDeclared(ctx, name)) ctx.used.add(name);
  let check = ctx.checks.get(when);
  if (check === undefined) {
    check = checkCondition(when, ctx.declared);
    ctx.checks.set(when, check);
  }
  if (check.ok) checkCompiledCondition(ctx, when, whenPath);
  else reportConditionProblem(ctx, when, whenPath, check);
}

function checkCompiledCondition(ctx: VariableContext, when: string, whenPath: readonly (string | number)[]): void {
  const { loaded } = ctx;
  const cost = estimateConditionCost(when, ctx.declared, (ctx.bounds ??= sopBounds(loaded.sop)));
  if (cost > CONDITION_BUDGET) {
    ctx.findings.push(
      makeFinding(
        RULES.conditionCost,
        loaded.file,
        conditionPosition(loaded, whenPath, 0),
        {
          en: `condition '${when}' could cost about ${cost} units of work on the largest answers this SOP admits (the budget is ${CONDITION_BUDGET}): the call could freeze at this step`,
          uk: `умова «${when}» може коштувати близько ${cost} одиниць роботи на найбільших відповідях, які допускає ця СОП (бюджет — ${CONDITION_BUDGET}): дзвінок може зависнути на цьому кроці`,
        },
        {
          en: 'nest fewer exists()/all()/map() over lists, or bound the strings it reads with maxLength',
          uk: 'вкладайте менше exists()/all()/map() над списками або обмежте рядки, які вона читає, через maxLength',
        },
      ),
    );
  }
  for (const { pattern, offset } of matchesPatternsIn(when)) {
    const subject = { en: `condition '${when}': the matches() pattern`, uk: `умова «${when}»: шаблон у matches()` };
    const problem = patternProblem(subject, pattern);
    if (problem !== undefined) ctx.findings.push(makeFinding(RULES.invalidPattern, loaded.file, conditionPosition(loaded, whenPath, offset), problem.message, problem.hint));
  }
}

function reportConditionProblem(ctx: VariableContext, when: string, whenPath: readonly (string | number)[], check: Extract<ConditionCheck, { ok: false }>): void {
  const { loaded } = ctx;
  const position = conditionPosition(loaded, whenPath, check.offset);
  const unknown = /^Unknown variable: ([A-Za-z_][A-Za-z0-9_]*)/.exec(check.message);
  if (unknown) {
    ctx.findings.push(
      makeFinding(
        RULES.undefinedVariable,
        loaded.file,
        position,
        { en: `the condition reads '${unknown[1]}', which SOP '${loaded.sop.sop}' does not declare`, uk: `умова читає змінну «${unknown[1]}», якої СОП «${loaded.sop.sop}» не оголошує` },
        suggestion(unknown[1]!, ctx.names),
      ),
    );
  } else {
    const rule = check.kind === 'syntax' ? RULES.celSyntax : RULES.celType;
    ctx.findings.push(makeFinding(rule, loaded.file, position, conditionProblem(when, check.kind, check.message)));
  }
}

/** A text that shows a variable ({name}) reads it; variables that callers pass in are written from outside. */
function markTextReads(ctx: VariableContext): void {
  for (const { text } of textsOf(ctx.loaded.sop)) {
    for (const value of typeof text === 'string' ? [text] : Object.values(text)) {
      for (const reference of findReferences(value)) if (reference.kind === 'variable') ctx.used.add(reference.name);
    }
  }
  for (const name of passedIn(ctx.library).get(ctx.loaded.sop.sop) ?? []) ctx.used.add(name);
}

/** SOP202: declared, never saved, set or read. */
function reportUnused(ctx: VariableContext): void {
  for (const name of ctx.names) {
    if (ctx.used.has(name)) continue;
    ctx.findings.push(
      makeFinding(
        RULES.unusedVariable,
        ctx.loaded.file,
        ctx.loaded.positionOf(['variables', name]),
        { en: `variable '${name}' is declared but never saved, set or read`, uk: `змінну «${name}» оголошено, але її ніде не зберігають, не задають і не читають` },
        { en: 'use it in a condition, or delete it', uk: 'використайте її в умові або видаліть' },
      ),
    );
  }
}
