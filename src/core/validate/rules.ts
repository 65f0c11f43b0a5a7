/**
 * Every rule the loader and validator report, with a stable code and name. Codes never change
 * meaning; a retired rule keeps its code unused. Grouped by hundreds:
 *   SOP0xx  the file itself (reading, YAML syntax)
 *   SOP05x  the JSON Schema (shape of the document)
 *   SOP1xx  steps and flow (graph)
 *   SOP2xx  variables and conditions
 *   SOP3xx  calls, outcomes and the directory
 *   SOP4xx  texts and translations
 */
import type { Severity } from './finding.js';

export interface Rule {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  /** One line for docs and SARIF. */
  readonly summary: string;
}

function rule(code: string, name: string, severity: Severity, summary: string): Rule {
  return { code, name, severity, summary };
}

export const RULES = {
  yamlSyntax: rule('SOP001', 'yaml-syntax', 'error', 'The file is not valid YAML.'),
  multipleDocuments: rule('SOP002', 'multiple-documents', 'error', 'A file holds exactly one YAML document.'),
  duplicateKey: rule('SOP003', 'duplicate-key', 'error', 'A key appears twice in the same mapping.'),
  fileTooLarge: rule('SOP004', 'file-too-large', 'error', 'The file is larger than the size limit.'),
  notUtf8: rule('SOP005', 'not-utf8', 'error', 'The file is not valid UTF-8 text.'),
  binaryFile: rule('SOP006', 'binary-file', 'error', 'The file contains NUL bytes: it is binary, not YAML.'),
  emptyFile: rule('SOP007', 'empty-file', 'error', 'The file is empty.'),
  aliasLimit: rule('SOP008', 'alias-limit', 'error', 'YAML aliases expand to too much data (an alias bomb).'),
  unreadable: rule('SOP009', 'unreadable', 'error', 'The file or folder cannot be read (permissions, symlink loop).'),
  symlinkLoop: rule('SOP011', 'symlink-loop', 'warning', 'A symbolic link leads back into a folder being read; it was skipped.'),
  missingModeline: rule('SOP010', 'missing-modeline', 'warning', 'The file does not start with the yaml-language-server $schema modeline naming its schema.'),

  unknownProperty: rule('SOP050', 'unknown-property', 'error', 'A property the schema does not allow.'),
  missingProperty: rule('SOP051', 'missing-property', 'error', 'A required property is missing.'),
  wrongType: rule('SOP052', 'wrong-type', 'error', 'A value has the wrong type.'),
  invalidValue: rule('SOP053', 'invalid-value', 'error', 'A value is not allowed (pattern, enum, length, range).'),

  duplicateSop: rule('SOP101', 'duplicate-sop', 'error', 'Two files declare the same SOP id.'),
  duplicateOption: rule('SOP102', 'duplicate-option', 'error', 'Two options of a step have the same id.'),
  duplicateInterrupt: rule('SOP103', 'duplicate-interrupt', 'error', 'An interrupt key is used twice in one SOP.'),
  unknownStep: rule('SOP104', 'unknown-step', 'error', 'start, next, goto or an interrupt names a step that does not exist.'),
  unreachableStep: rule('SOP105', 'unreachable-step', 'error', 'No path from start (or an interrupt) reaches the step.'),
  noWayToEnd: rule('SOP106', 'no-way-to-end', 'error', 'No end can be reached from the step: a dead end or a cycle with no way out.'),
  missingDefault: rule('SOP107', 'missing-default', 'error', 'Conditional branches without a default (the last branch must have no when).'),
  optionWithoutNext: rule('SOP108', 'option-without-next', 'error', 'An ask option has no next and the step has no next either.'),
  unknownInterrupt: rule('SOP110', 'unknown-interrupt', 'error', 'A scenario uses an interrupt key that no SOP declares.'),
  unreachableBranch: rule('SOP109', 'unreachable-branch', 'warning', 'A branch after the default can never be taken.'),

  undefinedVariable: rule('SOP201', 'undefined-variable', 'error', 'A variable is used but not declared.'),
  unusedVariable: rule('SOP202', 'unused-variable', 'warning', 'A variable is declared but never used.'),
  variableType: rule('SOP203', 'variable-type', 'error', 'A value saved or set into a variable has the wrong type.'),
  celSyntax: rule('SOP204', 'cel-syntax', 'error', 'A condition is not valid CEL.'),
  invalidPattern: rule('SOP206', 'invalid-pattern', 'error', 'An input pattern is not a valid regular expression, or repeats a group that itself repeats (the call could freeze).'),
  inputLimits: rule('SOP207', 'input-limits', 'error', 'Input limits that cannot hold or do not apply (min above max, min on a text input...).'),
  celType: rule('SOP205', 'cel-type', 'error', 'A condition has a type error or is not a bool.'),

  unknownSop: rule('SOP301', 'unknown-sop', 'error', 'A call names an SOP that is not in the library.'),
  callCycle: rule('SOP302', 'call-cycle', 'error', 'SOPs call each other in a cycle.'),
  undeclaredOutcome: rule('SOP303', 'undeclared-outcome', 'error', 'An end step uses an outcome the SOP does not declare.'),
  unknownContact: rule('SOP304', 'unknown-contact', 'error', 'refer names a directory id that does not exist.'),
  staleContact: rule('SOP305', 'stale-contact', 'warning', 'A directory entry was last verified more than a year ago.'),
  unusedOutcome: rule('SOP306', 'unused-outcome', 'warning', 'An outcome is declared but no end step uses it.'),
  duplicateDirectory: rule('SOP308', 'duplicate-directory', 'error', 'A library has more than one directory.yaml.'),
  noDirectory: rule('SOP307', 'no-directory', 'error', 'An end step refers to contacts but the library has no directory.yaml.'),

  missingTranslation: rule('SOP401', 'missing-translation', 'error', 'A text lacks one of the SOP\'s declared languages.'),
  emptyText: rule('SOP402', 'empty-text', 'error', 'A text is empty.'),
  undeclaredLanguage: rule('SOP403', 'undeclared-language', 'warning', 'A text has a language the SOP does not declare.'),
} as const satisfies Record<string, Rule>;

export type RuleKey = keyof typeof RULES;

// Codes are ASCII (SOP + digits): a plain comparison sorts them. localeCompare would load ICU's
// collation data while this module loads, about 5 ms of every command's start-up.
export const ALL_RULES: readonly Rule[] = Object.values(RULES).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
