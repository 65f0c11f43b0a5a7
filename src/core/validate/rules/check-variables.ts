/** SOP201-SOP205: variables and conditions. */
import type { Library, LoadedSop } from '../../model/library.js';
import type { Finding } from '../finding.js';

export function checkVariables(_loaded: LoadedSop, _library: Library): Finding[] {
  return [];
}
