/** Loads the shipped library (sops/) and its scenarios once per test file, through the public readers. */
import { readLibrary, type ReadLibraryResult } from '../../src/shell/library/read-library.js';
import { readScenarios, type ReadScenariosResult } from '../../src/shell/library/read-scenarios.js';

export const LIBRARY_DIR = 'sops';
export const SCENARIO_DIR = 'sops/scenarios';

/** The SOPs this part of the library owns (the rest are written alongside, same rules). */
export const OWN_SOPS = ['first-contact', 'emergency', 'referral', 'closing', 'possible-victim', 'child-involved'] as const;

/**
 * The shared procedures behind the * key (and the two other leaves: police-did-not-come and the
 * after-call coding). They declare no interrupts and call no SOP: the SOP that calls them keeps
 * its own keys, and SOPs may not call each other in a cycle.
 */
export const LEAF_SOPS = [
  'interruption',
  'line-lost',
  'silent-caller',
  'abusive-caller',
  'someone-else',
  'suicide-risk',
  'medical-emergency',
  'police-did-not-come',
  'call-coding',
  'duty-to-act',
  'after-call-card',
] as const;

/** The procedures added for issue 12 §5 (new situations, and the counsellor's after-call card). */
export const NEW_SOPS = [
  'online-exploitation',
  'war-related',
  'labour-exploitation-ukraine',
  'foreign-national',
] as const;

/** Every SOP id the lead fixed for the shipped library. */
export const ALL_SOPS = [
  ...OWN_SOPS,
  'job-offer-abroad',
  'third-party-report',
  'missing-person',
  'domestic-violence',
  ...LEAF_SOPS,
  ...NEW_SOPS,
] as const;

let library: Promise<ReadLibraryResult> | undefined;
let scenarios: Promise<ReadScenariosResult> | undefined;

export function shippedLibrary(): Promise<ReadLibraryResult> {
  // A fixed date within a year of the directory review, so the suite never fails by the calendar.
  library ??= readLibrary([LIBRARY_DIR], { validate: true, cache: false, today: '2027-06-01' });
  return library;
}

export function shippedScenarios(): Promise<ReadScenariosResult> {
  scenarios ??= readScenarios([SCENARIO_DIR], { cache: false });
  return scenarios;
}
