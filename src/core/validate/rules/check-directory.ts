/** SOP304 unknown-contact, SOP305 stale-contact, SOP307 no-directory. */
import type { Library } from '../../model/library.js';
import type { Finding } from '../finding.js';
import type { ValidateOptions } from '../validate-library.js';

export function checkDirectory(_library: Library, _options: ValidateOptions): Finding[] {
  return [];
}
