import type { Value, VariableType } from '../model/sop.js';

/** Whether a value has a variable type: bool, a safe integer, a string, a list of strings. */
export function valueFits(type: VariableType, value: Value): boolean {
  switch (type) {
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}
