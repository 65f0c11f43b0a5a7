/**
 * A YAML parser error (the `yaml` package words them in English) as a finding's message in both
 * languages. The errors an SOP author meets most are said in Ukrainian outright; any other gets
 * a Ukrainian description by its error code, with the parser's English words in parentheses.
 */
// Still inline { en, uk } pairs (not yet in the catalogues): the test reads both sides.
import type { InlineMessage as Message } from '../model/message.js';

/** The parser's message (first letter already lower-cased) -> Ukrainian, for the common ones. */
const EXACT: readonly (readonly [RegExp, (match: RegExpExecArray) => string])[] = [
  [/^tabs are not allowed as indentation$/, () => 'табуляцію не можна використовувати для відступів'],
  [/^implicit keys need to be on a single line$/, () => 'ключ має бути записаний в одному рядку'],
  [/^implicit keys of flow sequence pairs need to be on a single line$/, () => 'ключ пари в квадратних дужках має бути записаний в одному рядку'],
  [/^nested mappings are not allowed in compact mappings$/, () => 'у компактному відображенні не можна вкладати ще одне відображення'],
  [/^missing closing 'quote$/, () => "бракує закривальної лапки '"],
  [/^missing closing "quote$/, () => 'бракує закривальної лапки "'],
  [/^flow map in block collection must be sufficiently indented and end with a \}$/, () => 'відображення у фігурних дужках має мати достатній відступ і закінчуватися на }'],
  [/^flow sequence in block collection must be sufficiently indented and end with a \]$/, () => 'список у квадратних дужках має мати достатній відступ і закінчуватися на ]'],
  [/^implicit map keys need to be followed by map values$/, () => 'після ключа мають іти двокрапка і значення'],
  [/^sequence item without - indicator$/, () => 'елемент списку без позначки -'],
  [/^all sequence items must start at the same column$/, () => 'усі елементи списку мають починатися в тому самому стовпці'],
  [/^all mapping items must start at the same column$/, () => 'усі ключі відображення мають починатися в тому самому стовпці'],
  [/^a block sequence may not be used as an implicit map key$/, () => 'блоковий список не може бути ключем відображення'],
  [/^block collections are not allowed within flow collections$/, () => 'блокові списки й відображення не дозволені всередині дужок [ ] чи { }'],
  [/^comments must be separated from other tokens by white space characters$/, () => 'коментар має відділятися від решти рядка пробілом'],
  [/^tags and anchors must be separated from the next token by white space$/, () => 'тег чи якір має відділятися від наступного елемента пробілом'],
  [/^a node can have at most one anchor$/, () => 'вузол може мати щонайбільше один якір'],
  [/^a node can have at most one tag$/, () => 'вузол може мати щонайбільше один тег'],
  [/^an alias node must not specify any properties$/, () => 'псевдонім не може мати тегу чи якоря'],
  [/^alias cannot be an empty string$/, () => 'псевдонім не може бути порожнім'],
  [/^anchor cannot be an empty string$/, () => 'якір не може бути порожнім'],
  [/^plain value cannot start with (.+)$/, (m) => `значення без лапок не може починатися з ${m[1]}`],
  [/^invalid escape sequence (.+)$/, (m) => `неправильна екранована послідовність ${m[1]}`],
  [/^unresolved tag: (.+)$/, (m) => `невідомий тег ${m[1]}`],
  [/^missing , between flow (map|sequence) items$/, () => 'між елементами в дужках бракує коми'],
  [/^missing , or : between flow (map|sequence) items$/, () => 'між елементами в дужках бракує коми або двокрапки'],
  [/^missing space after : in flow (map|sequence)$/, () => 'після двокрапки в дужках бракує пробілу'],
  [/^unexpected , in flow (map|sequence)$/, () => 'зайва кома в дужках'],
  [/^unexpected empty item in flow (map|sequence)$/, () => 'порожній елемент у дужках'],
];

/** What each error code means, for the messages not in EXACT. */
const BY_CODE: { readonly [code: string]: string } = {
  ALIAS_PROPS: 'псевдонім не може мати тегу чи якоря',
  BAD_ALIAS: 'неправильний псевдонім',
  BAD_COLLECTION_TYPE: 'тег не підходить до цього списку чи відображення',
  BAD_DIRECTIVE: 'неправильна директива YAML',
  BAD_DQ_ESCAPE: 'неправильна екранована послідовність у тексті в подвійних лапках',
  BAD_INDENT: 'неправильний відступ',
  BAD_PROP_ORDER: 'якорі й теги мають стояти після позначки',
  BAD_SCALAR_START: 'значення без лапок не може так починатися',
  BLOCK_AS_IMPLICIT_KEY: 'тут не можна почати вкладений блок',
  BLOCK_IN_FLOW: 'блокові списки й відображення не дозволені всередині дужок',
  IMPOSSIBLE: 'несподіваний збій розбору YAML',
  KEY_OVER_1024_CHARS: 'ключ довший за 1024 символи',
  MISSING_CHAR: 'бракує символу',
  MULTILINE_IMPLICIT_KEY: 'ключ має бути записаний в одному рядку',
  MULTIPLE_ANCHORS: 'вузол може мати щонайбільше один якір',
  MULTIPLE_DOCS: 'у файлі кілька документів',
  MULTIPLE_TAGS: 'вузол може мати щонайбільше один тег',
  NON_STRING_KEY: 'ключ має бути текстом',
  RESOURCE_EXHAUSTION: 'документ завеликий для розбору',
  TAB_AS_INDENT: 'табуляцію не можна використовувати для відступів',
  TAG_RESOLVE_FAILED: 'не вдається розпізнати тег',
  UNEXPECTED_TOKEN: 'несподіваний елемент',
};

/** `message` is the parser's, first letter lower-cased; `code` its error code. */
export function yamlErrorText(code: string, message: string): Message {
  for (const [pattern, say] of EXACT) {
    const match = pattern.exec(message);
    if (match) return { en: message, uk: say(match) };
  }
  return { en: message, uk: `${BY_CODE[code] ?? 'помилка синтаксису YAML'} (${message})` };
}
