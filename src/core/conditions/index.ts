/** CEL conditions (`when:`) over a SOP's typed variables. */
export { checkCondition, type ConditionCheck } from './check-condition.js';
export { compileCondition, ConditionError, type CompiledCondition } from './compile-condition.js';
export { CEL_TYPE, type VariableDecls } from './environment-for.js';
export { celNameProblem } from './cel-name-problem.js';
export { fallbackValue, zeroValue } from './zero-value.js';
