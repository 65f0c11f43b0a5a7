/** SOP301 unknown-sop, SOP302 call-cycle. */
import type { Library } from '../../model/library.js';
import type { Finding } from '../finding.js';

export function checkCalls(_library: Library, _rejected: ReadonlySet<string>): Finding[] {
  return [];
}
