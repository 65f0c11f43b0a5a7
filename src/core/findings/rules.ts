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
import type { Message } from '../model/message.js';
import type { Severity } from './finding.js';

export interface Rule {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  /** One line for docs and SARIF, in both languages. */
  readonly summary: Message;
}

function rule(code: string, name: string, severity: Severity, summary: Message): Rule {
  return { code, name, severity, summary };
}

export const RULES = {
  yamlSyntax: rule('SOP001', 'yaml-syntax', 'error', { en: 'The file is not valid YAML.', uk: 'Файл не є правильним YAML.' }),
  multipleDocuments: rule('SOP002', 'multiple-documents', 'error', { en: 'A file holds exactly one YAML document.', uk: 'У файлі має бути рівно один YAML-документ.' }),
  duplicateKey: rule('SOP003', 'duplicate-key', 'error', { en: 'A key appears twice in the same mapping.', uk: 'Ключ повторюється в тому самому відображенні.' }),
  fileTooLarge: rule('SOP004', 'file-too-large', 'error', { en: 'The file is larger than the size limit.', uk: 'Файл більший за допустимий розмір.' }),
  notUtf8: rule('SOP005', 'not-utf8', 'error', { en: 'The file is not valid UTF-8 text.', uk: 'Файл не є правильним текстом UTF-8.' }),
  binaryFile: rule('SOP006', 'binary-file', 'error', { en: 'The file contains NUL bytes: it is binary, not YAML.', uk: 'Файл містить нульові байти: це двійковий файл, а не YAML.' }),
  emptyFile: rule('SOP007', 'empty-file', 'error', { en: 'The file is empty.', uk: 'Файл порожній.' }),
  aliasLimit: rule('SOP008', 'alias-limit', 'error', { en: 'YAML aliases expand to too much data (an alias bomb).', uk: 'Псевдоніми YAML розгортаються в забагато даних (аліас-бомба).' }),
  unreadable: rule('SOP009', 'unreadable', 'error', { en: 'The file or folder cannot be read (permissions, symlink loop).', uk: 'Файл або теку не вдається прочитати (права доступу, петля посилань).' }),
  symlinkLoop: rule('SOP011', 'symlink-loop', 'warning', { en: 'A symbolic link leads back into a folder being read; it was skipped.', uk: 'Символьне посилання веде назад у теку, яку вже читають; пропущено.' }),
  symlinkOutside: rule('SOP012', 'symlink-outside', 'warning', { en: 'A symbolic link leads out of the folder being read; it was not followed, and nothing it points to was read.', uk: 'Символьне посилання веде за межі теки, яку читають; його не відкрито, і нічого з того, на що воно вказує, не прочитано.' }),
  missingModeline: rule('SOP010', 'missing-modeline', 'warning', { en: 'The file does not start with the yaml-language-server $schema modeline naming its schema.', uk: 'Файл не починається з рядка yaml-language-server $schema, що називає його схему.' }),

  unknownProperty: rule('SOP050', 'unknown-property', 'error', { en: 'A property the schema does not allow.', uk: 'Властивість, якої схема не дозволяє.' }),
  missingProperty: rule('SOP051', 'missing-property', 'error', { en: 'A required property is missing.', uk: 'Бракує обовʼязкової властивості.' }),
  wrongType: rule('SOP052', 'wrong-type', 'error', { en: 'A value has the wrong type.', uk: 'Значення має неправильний тип.' }),
  invalidValue: rule('SOP053', 'invalid-value', 'error', { en: 'A value is not allowed (pattern, enum, length, range).', uk: 'Недопустиме значення (шаблон, перелік, довжина, межі).' }),

  duplicateSop: rule('SOP101', 'duplicate-sop', 'error', { en: 'Two files declare the same SOP id.', uk: 'Два файли оголошують той самий ідентифікатор СОП.' }),
  duplicateOption: rule('SOP102', 'duplicate-option', 'error', { en: 'Two options of a step have the same id.', uk: 'Два варіанти кроку мають однаковий ідентифікатор.' }),
  duplicateInterrupt: rule('SOP103', 'duplicate-interrupt', 'error', { en: 'An interrupt key is used twice in one SOP.', uk: 'Клавішу переривання використано в одній СОП двічі.' }),
  unknownStep: rule('SOP104', 'unknown-step', 'error', { en: 'start, next, goto or an interrupt names a step that does not exist.', uk: 'start, next, goto або переривання називає крок, якого немає.' }),
  unreachableStep: rule('SOP105', 'unreachable-step', 'error', { en: 'No path from start (or an interrupt) reaches the step.', uk: 'До кроку не веде жоден шлях від start чи переривання.' }),
  noWayToEnd: rule('SOP106', 'no-way-to-end', 'error', { en: 'No end can be reached from the step: a dead end or a cycle with no way out.', uk: 'З кроку не можна дійти до кінця: глухий кут або цикл без виходу.' }),
  missingDefault: rule('SOP107', 'missing-default', 'error', { en: 'Conditional branches without a default (the last branch must have no when).', uk: 'Умовні гілки без типової (в останньої гілки не має бути when).' }),
  optionWithoutNext: rule('SOP108', 'option-without-next', 'error', { en: 'An ask option has no next and the step has no next either.', uk: 'Варіант питання без next, і сам крок теж без next.' }),
  unknownInterrupt: rule('SOP110', 'unknown-interrupt', 'error', { en: 'A scenario uses an interrupt key that no SOP declares.', uk: 'Сценарій використовує клавішу переривання, якої не оголошує жодна СОП.' }),
  unreachableBranch: rule('SOP109', 'unreachable-branch', 'warning', { en: 'A branch after the default can never be taken.', uk: 'Гілку після типової ніколи не буде вибрано.' }),

  undefinedVariable: rule('SOP201', 'undefined-variable', 'error', { en: 'A variable is used but not declared.', uk: 'Змінну використано, але не оголошено.' }),
  unusedVariable: rule('SOP202', 'unused-variable', 'warning', { en: 'A variable is declared but never used.', uk: 'Змінну оголошено, але ніде не використано.' }),
  variableType: rule('SOP203', 'variable-type', 'error', { en: 'A value saved or set into a variable has the wrong type.', uk: 'Значення, яке зберігають у змінну, має неправильний тип.' }),
  celSyntax: rule('SOP204', 'cel-syntax', 'error', { en: 'A condition is not valid CEL.', uk: 'Умова не є правильним виразом CEL.' }),
  invalidPattern: rule('SOP206', 'invalid-pattern', 'error', { en: 'An input or matches() pattern is not a valid regular expression, or uses what the linear-time matcher cannot run (back-references, lookaround).', uk: 'Шаблон введення чи matches() не є правильним регулярним виразом або використовує те, чого не виконує лінійний за часом зіставник (зворотні посилання, перевірки вперед чи назад).' }),
  conditionCost: rule('SOP208', 'condition-cost', 'error', { en: 'A condition could do more work than a live call can wait for, on some answers the SOP admits (its estimated cost is over the budget).', uk: 'Умова може виконувати більше роботи, ніж може чекати живий дзвінок, на деяких відповідях, які допускає СОП (її оцінена вартість перевищує бюджет).' }),
  inputLimits: rule('SOP207', 'input-limits', 'error', { en: 'Input limits that cannot hold or do not apply (min above max, min on a text input...).', uk: 'Межі введення неможливі або не стосуються типу (min більше за max, min для тексту...).' }),
  unknownVariableReference: rule('SOP212', 'unknown-variable-reference', 'error', { en: 'A text shows {name}, but the SOP declares no variable of that name.', uk: 'Текст показує {назва}, але СОП не оголошує такої змінної.' }),
  celType: rule('SOP205', 'cel-type', 'error', { en: 'A condition has a type error or is not a bool.', uk: 'Умова має помилку типів або не є bool.' }),

  unknownSop: rule('SOP301', 'unknown-sop', 'error', { en: 'A call names an SOP that is not in the library.', uk: 'Виклик називає СОП, якої немає в бібліотеці.' }),
  callCycle: rule('SOP302', 'call-cycle', 'error', { en: 'SOPs call each other in a cycle.', uk: 'СОП викликають одна одну по колу.' }),
  undeclaredOutcome: rule('SOP303', 'undeclared-outcome', 'error', { en: 'An end step uses an outcome the SOP does not declare.', uk: 'Крок end використовує результат, якого СОП не оголошує.' }),
  unknownContact: rule('SOP304', 'unknown-contact', 'error', { en: 'refer names a directory id that does not exist.', uk: 'refer називає контакт, якого немає в довіднику.' }),
  staleContact: rule('SOP305', 'stale-contact', 'warning', { en: 'A directory entry was last verified more than a year ago.', uk: 'Запис довідника востаннє перевіряли понад рік тому.' }),
  unusedOutcome: rule('SOP306', 'unused-outcome', 'warning', { en: 'An outcome is declared but no end step uses it.', uk: 'Результат оголошено, але жоден крок end його не використовує.' }),
  duplicateDirectory: rule('SOP308', 'duplicate-directory', 'error', { en: 'A library has more than one directory.yaml.', uk: 'У бібліотеці більше ніж один directory.yaml.' }),
  unknownContactReference: rule('SOP311', 'unknown-contact-reference', 'error', { en: 'A text refers to {contact:id}, but the directory has no such entry.', uk: 'Текст посилається на {contact:id}, але в довіднику немає такого запису.' }),
  openingHours: rule('SOP312', 'opening-hours', 'error', { en: 'Opening hours that cannot be evaluated (unknown time zone, a window that closes before it opens).', uk: 'Години роботи, які неможливо обчислити (невідомий часовий пояс, проміжок закривається раніше, ніж відкривається).' }),
  noDirectory: rule('SOP307', 'no-directory', 'error', { en: 'An end step refers to contacts but the library has no directory.yaml.', uk: 'Крок end скеровує до контактів, але в бібліотеці немає directory.yaml.' }),

  missingTranslation: rule('SOP401', 'missing-translation', 'error', { en: 'A text lacks one of the SOP\'s declared languages.', uk: 'Текстові бракує перекладу однією з мов СОП.' }),
  emptyText: rule('SOP402', 'empty-text', 'error', { en: 'A text is empty.', uk: 'Текст порожній.' }),
  literalPhoneNumber: rule('SOP410', 'literal-phone-number', 'warning', { en: 'A text writes a phone number literally: refer to the directory entry with {contact:id}, so its verification governs what is read aloud.', uk: 'Текст містить номер телефону напряму: посилайтеся на запис довідника через {contact:id}, щоб те, що читають уголос, залежало від його перевірки.' }),
  malformedLanguageTag: rule('SOP404', 'malformed-language-tag', 'error', { en: 'A language is not a BCP 47 tag in its canonical form (en, uk, pt-BR).', uk: 'Мова не є тегом BCP 47 у канонічній формі (en, uk, pt-BR).' }),
  undeclaredLanguage: rule('SOP403', 'undeclared-language', 'warning', { en: 'A text has a language the SOP does not declare.', uk: 'Текст має мову, якої СОП не оголошує.' }),
} as const satisfies Record<string, Rule>;

// Codes are ASCII (SOP + digits): a plain comparison sorts them. localeCompare would load ICU's
// collation data while this module loads, about 5 ms of every command's start-up.
export const ALL_RULES: readonly Rule[] = Object.values(RULES).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
