/** SOP401 missing-translation, SOP402 empty-text, SOP403 undeclared-language. */
import type { LoadedSop } from '../../model/library.js';
import type { Finding } from '../finding.js';

export function checkTexts(_loaded: LoadedSop): Finding[] {
  return [];
}
