/** CEL conditions (`when:`) over a SOP's typed variables. */
export { checkCondition, type ConditionCheck } from './check-condition.js';
export { compileCondition, ConditionError, estimateConditionCost, type CompiledCondition } from './compile-condition.js';
export { CONDITION_BUDGET, DEFAULT_MAX_LENGTH } from './condition-cost.js';
export { sopBounds } from './size-bounds.js';
export { CEL_TYPE, type VariableDecls } from './environment-for.js';
export { celNameProblem } from './cel-name-problem.js';
export { fallbackValue, zeroValue } from './zero-value.js';
