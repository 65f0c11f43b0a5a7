/**
 * Turns ajv's errors (allErrors) into one specific finding per problem:
 *  - `if` errors are dropped (the schema selects a step kind's shape with allOf/if/then);
 *  - `anyOf` (a text or a language map; a step id or branches): when a branch got further
 *    (a deeper error, a bad pattern), only that is reported; otherwise one "wrong type";
 *  - `propertyNames` is reported at the offending key;
 *  - an unknown property that is a typo of a missing required one is reported once, with
 *    "did you mean".
 */
import type { ErrorObject } from 'ajv';
import type { PositionLookup } from '../model/library.js';
// Still inline { en, uk } pairs, composed from one another (not yet in the catalogues).
import type { InlineMessage as Message } from '../model/message.js';
import { say } from '../model/message.js';
import { suggestion } from '../findings/did-you-mean.js';
import type { Finding } from '../findings/finding.js';
import { makeFinding } from '../findings/make-finding.js';
import { pluralUk } from '../model/plural-uk.js';
import { RULES } from '../findings/rules.js';

export interface SchemaLookups {
  readonly positionOf: PositionLookup;
  readonly keyPositionOf: PositionLookup;
  readonly valuePositionOf: PositionLookup;
}

function toPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

/** steps.greet.options[0].id, or "the document" for the root. */
function describePath(path: readonly (string | number)[]): Message {
  if (path.length === 0) return { en: 'the document', uk: 'документ' };
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return { en: text, uk: text };
}

const TYPE_NAMES: Record<string, Message> = {
  string: { en: 'a text', uk: 'текст' },
  object: { en: 'a mapping (key: value)', uk: 'відображення (ключ: значення)' },
  array: { en: 'a list', uk: 'список' },
  integer: { en: 'a whole number', uk: 'ціле число' },
  number: { en: 'a number', uk: 'число' },
  boolean: { en: 'true or false', uk: 'true або false' },
  null: { en: 'empty', uk: 'порожнє значення' },
};

/** Type names joined with "or": `types` are JSON Schema type names. */
function typeNames(types: readonly unknown[]): Message {
  const names = [...new Set(types.map(String))].map((t) => TYPE_NAMES[t] ?? { en: t, uk: t });
  return { en: names.map((n) => n.en).join(' or '), uk: names.map((n) => n.uk).join(' або ') };
}

function actualType(data: unknown): Message {
  if (data === null || data === undefined) return TYPE_NAMES['null']!;
  if (Array.isArray(data)) return TYPE_NAMES['array']!;
  if (typeof data === 'object') return { en: 'a mapping', uk: 'відображення' };
  if (typeof data === 'string') return TYPE_NAMES['string']!;
  if (typeof data === 'number') return Number.isInteger(data) ? TYPE_NAMES['integer']! : TYPE_NAMES['number']!;
  if (typeof data === 'boolean') return { en: 'true/false', uk: 'логічне значення (true/false)' };
  return { en: typeof data, uk: typeof data };
}

/** `where` must be one of `expected`, not what it is. */
function wrongType(where: Message, expected: Message, data: unknown): Message {
  const actual = actualType(data);
  return { en: `${where.en} must be ${expected.en}, not ${actual.en}`, uk: `${where.uk}: очікується ${expected.uk}, а не ${actual.uk}` };
}

/** A value as written: a text in quotes ('x' in English, «x» in Ukrainian), else as JSON; long ones cut. */
function show(value: unknown): Message {
  const cut = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
  if (typeof value === 'string') return { en: cut(`'${value}'`), uk: cut(`«${value}»`) };
  const text = cut(JSON.stringify(value) ?? String(value));
  return { en: text, uk: text };
}

/**
 * What a schema pattern stands for, in Ukrainian, by its English description in schemas/ (a test
 * checks that every description beside a pattern is here).
 */
export const PATTERN_MEANING_UK: { readonly [description: string]: string } = {
  'Semantic version of this SOP (major.minor.patch).': 'семантична версія цієї СОП (major.minor.patch)',
  'A stable id: lower-case letters, digits and hyphens.': 'сталий ідентифікатор: малі латинські літери, цифри й дефіси',
  'A variable name usable in CEL: lower-case letters, digits and underscores.': 'назва змінної, придатна для CEL: малі латинські літери, цифри й підкреслення',
  'A BCP 47 language tag, e.g. en, uk, pl, pt-BR.': 'мовний тег BCP 47, напр. en, uk, pl, pt-BR',
  "One character; letters, digits and ? are reserved for the runner's own keys.": 'один символ, крім літер, цифр і ?: їх зарезервовано для власних клавіш програми',
  'ISO date the entry was last checked.': 'дата ISO, коли запис востаннє перевіряли',
  'IANA time zone of the hours, e.g. Europe/Kyiv.': 'часовий пояс IANA для годин роботи, напр. Europe/Kyiv',
  'Opening time, HH:MM.': 'час відкриття, ГГ:ХХ',
  'Closing time, HH:MM (24:00 for midnight); later than from.': 'час закриття, ГГ:ХХ (24:00 — північ); пізніше за from',
  'The SOP the call starts in.': 'СОП, з якої починається дзвінок',
  "A step id in the scenario's SOP, or sop-id/step-id for a step of a called SOP.": 'ідентифікатор кроку в СОП сценарію або sop-id/step-id для кроку викликаної СОП',
};

/** English: the schema's description ("a stable id: ..."); Ukrainian: a noun phrase for "очікується: ...". */
function patternMeaning(error: ErrorObject): Message {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  const pattern = String((error.params as { pattern?: string }).pattern);
  const uk = (description !== undefined ? PATTERN_MEANING_UK[description] : undefined) ?? `значення за шаблоном ${pattern}`;
  return { en: description ? description.replace(/\.$/, '').replace(/^A /, 'a ') : `must match ${pattern}`, uk };
}

/** A limit ajv checks (lengths, counts, minimum) said in words; ajv's own English for the rest. */
function limitProblem(where: Message, error: ErrorObject): Message {
  const en = `${where.en} ${error.message ?? 'is not valid'}`;
  const params = error.params as { limit?: number; i?: number; j?: number };
  const limit = params.limit ?? 0;
  const characters = pluralUk(limit, 'символ', 'символи', 'символів');
  switch (error.keyword) {
    case 'maxLength':
      return { en, uk: `${where.uk}: задовгий текст, дозволено щонайбільше ${characters}` };
    case 'minLength':
      return { en, uk: `${where.uk}: закороткий текст, потрібно щонайменше ${characters}` };
    case 'minItems':
      return { en, uk: `${where.uk}: у списку замало елементів, потрібно щонайменше ${limit}` };
    case 'minProperties':
      return { en, uk: `${where.uk}: замало записів, потрібно щонайменше ${limit}` };
    case 'minimum':
      return { en, uk: `${where.uk}: має бути щонайменше ${limit}` };
    case 'uniqueItems':
      return { en, uk: `${where.uk}: у списку є однакові елементи (${where.uk}[${params.j}] і ${where.uk}[${params.i}])` };
    default:
      return { en, uk: `${where.uk}: неприпустиме значення (${error.message ?? error.keyword})` };
  }
}

function allowedProperties(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

/**
 * Where an anyOf's branches are objects (a scenario entry is an answer or an interrupt), each
 * branch reports its own unknown and missing properties at the same place. Keep only those of
 * the branch that fits best (fewest complaints); branches are told apart by their schema object
 * (ajv's verbose `parentSchema`). A branch that has no complaint at that place at all (its keys
 * and required properties fit; only a value inside is wrong, e.g. `seconds: soon` in an answer)
 * fits best: then every other branch's unknown and missing properties are dropped, and only the
 * bad value is reported.
 */
function bestBranchOnly(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const dropped = new Set<ErrorObject>();
  for (const path of anyOfPaths) {
    const here = errors.filter((e) => e.instancePath === path);
    const shape = here.filter((e) => e.keyword === 'required' || e.keyword === 'additionalProperties');
    if (shape.length === 0) continue;
    // The outer anyOf is the last one ajv reports at a place; its schema is the list of branches.
    const anyOf = here.filter((e) => e.keyword === 'anyOf').at(-1);
    const branchCount = Array.isArray(anyOf?.schema) ? anyOf.schema.length : 0;
    const complaining = new Set(here.filter((e) => e !== anyOf).map((e) => e.parentSchema));
    if (complaining.size < branchCount) {
      // Some branch failed only deeper down: it fits this place.
      for (const e of shape) dropped.add(e);
      continue;
    }
    const branches = new Map<unknown, ErrorObject[]>();
    for (const e of shape) {
      const list = branches.get(e.parentSchema) ?? [];
      list.push(e);
      branches.set(e.parentSchema, list);
    }
    if (branches.size < 2) continue;
    const ranked = [...branches.values()].sort((a, b) => a.length - b.length);
    for (const list of ranked.slice(1)) for (const e of list) dropped.add(e);
  }
  return errors.filter((e) => !dropped.has(e));
}

/** What the keyword handlers share while one file's schema errors become findings. */
interface SchemaContext {
  readonly errors: readonly ErrorObject[];
  readonly relevant: readonly ErrorObject[];
  readonly file: string;
  readonly lookups: SchemaLookups;
  readonly findings: Finding[];
  /** Instance paths with an anyOf error, and those of them where some branch got further. */
  readonly anyOfPaths: ReadonlySet<string>;
  readonly further: ReadonlySet<string>;
  /** Missing properties already reported as the typo of an unknown one (`titel` for `title`). */
  readonly mergedMissing: Set<string>;
  /** Bad keys already reported (propertyNames errors come once per schema branch). */
  readonly seenKeys: Set<string>;
}

export function schemaFindings(errors: readonly ErrorObject[], file: string, lookups: SchemaLookups): Finding[] {
  const relevant = bestBranchOnly(errors.filter((error) => error.keyword !== 'if' && error.keyword !== 'propertyNames'));
  const anyOfPaths = new Set(relevant.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const ctx: SchemaContext = { errors, relevant, file, lookups, findings: [], anyOfPaths, further: anyOfGotFurther(relevant, anyOfPaths), mergedMissing: new Set(), seenKeys: new Set() };
  for (const error of relevant) findingFor(ctx, error);
  // Missing properties last, once the typos among the unknown ones are known.
  for (const error of relevant) if (error.keyword === 'required') missingProperty(ctx, error);
  return uniqueFindings(ctx.findings);
}

/** anyOf: for each instance path, whether some branch got further than its type. */
function anyOfGotFurther(relevant: readonly ErrorObject[], anyOfPaths: ReadonlySet<string>): Set<string> {
  const further = new Set<string>();
  for (const path of anyOfPaths) {
    const gotFurther = relevant.some(
      (e) =>
        e.keyword !== 'anyOf' &&
        ((e.instancePath === path && (e.keyword !== 'type' || e.propertyName !== undefined) && e.keyword !== 'const') ||
          e.instancePath.startsWith(`${path}/`)),
    );
    if (gotFurther) further.add(path);
  }
  return further;
}

function findingFor(ctx: SchemaContext, error: ErrorObject): void {
  const isAnyOfPath = ctx.anyOfPaths.has(error.instancePath);
  if (isAnyOfPath && error.keyword === 'type' && error.propertyName === undefined) return;
  if (error.keyword === 'anyOf') return anyOfFinding(ctx, error);
  if (error.propertyName !== undefined) return badKey(ctx, error, error.propertyName);
  const path = toPath(error.instancePath);
  const where = describePath(path);
  const params = error.params as Record<string, unknown>;
  const at = ctx.lookups.valuePositionOf(path);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownProperty(ctx, error, String(params['additionalProperty']));
    case 'required':
      return; // after every other error, once typos are known
    case 'type':
      return void ctx.findings.push(makeFinding(RULES.wrongType, ctx.file, at, wrongType(where, typeNames([params['type']].flat()), error.data)));
    case 'enum':
      return void ctx.findings.push(enumFinding(ctx.file, at, where, (params['allowedValues'] as unknown[]).map(String), error.data));
    case 'const': {
      const allowed = show(params['allowedValue']);
      return void ctx.findings.push(makeFinding(RULES.invalidValue, ctx.file, at, { en: `${where.en} must be ${allowed.en}`, uk: `${where.uk}: має бути ${allowed.uk}` }));
    }
    case 'pattern': {
      const value = show(error.data);
      const meaning = patternMeaning(error);
      return void ctx.findings.push(
        makeFinding(RULES.invalidValue, ctx.file, at, {
          en: `${where.en}: ${value.en} is not valid: ${meaning.en}`,
          uk: `${where.uk}: неправильне значення ${value.uk}; очікується: ${meaning.uk}`,
        }),
      );
    }
    default:
      ctx.findings.push(makeFinding(RULES.invalidValue, ctx.file, at, limitProblem(where, error)));
  }
}

/** No branch of an anyOf fits and none got further: one "wrong type" naming every type allowed. */
function anyOfFinding(ctx: SchemaContext, error: ErrorObject): void {
  if (ctx.further.has(error.instancePath)) return;
  const path = toPath(error.instancePath);
  const types = ctx.errors
    .filter((e) => e.instancePath === error.instancePath && e.keyword === 'type' && e.propertyName === undefined)
    .map((e) => (e.params as { type: string }).type);
  const expected = types.length > 0 ? typeNames(types) : { en: 'something else', uk: 'щось інше' };
  ctx.findings.push(makeFinding(RULES.wrongType, ctx.file, ctx.lookups.valuePositionOf(path), wrongType(describePath(path), expected, error.data)));
}

/** A bad key (propertyNames): reported at the key, once. */
function badKey(ctx: SchemaContext, error: ErrorObject, propertyName: string): void {
  const id = `${error.instancePath}\u0000${propertyName}`;
  if (ctx.seenKeys.has(id)) return;
  ctx.seenKeys.add(id);
  const path = toPath(error.instancePath);
  const where = describePath(path);
  const key = show(propertyName);
  const meaning = patternMeaning(error);
  ctx.findings.push(
    makeFinding(RULES.invalidValue, ctx.file, ctx.lookups.keyPositionOf([...path, propertyName]), {
      en: `${where.en}: the key ${key.en} is not allowed here: ${meaning.en}`,
      uk: `${where.uk}: ключ ${key.uk} тут не дозволено; очікується: ${meaning.uk}`,
    }),
  );
}

/** An unknown property: the missing one it is a typo of, else the nearest allowed, else the list. */
function unknownProperty(ctx: SchemaContext, error: ErrorObject, name: string): void {
  const path = toPath(error.instancePath);
  const where = describePath(path);
  const allowed = allowedProperties(error);
  const missing = ctx.relevant
    .filter((e) => e.keyword === 'required' && e.instancePath === error.instancePath)
    .map((e) => String((e.params as { missingProperty: string }).missingProperty));
  const typoOf = suggestion(name, missing);
  if (typoOf !== undefined) {
    for (const m of missing) if (suggestion(name, [m]) !== undefined) ctx.mergedMissing.add(`${error.instancePath}\u0000${m}`);
  }
  const hint = typoOf ?? suggestion(name, allowed) ?? (allowed.length ? { en: `allowed here: ${allowed.join(', ')}`, uk: `тут дозволено: ${allowed.join(', ')}` } : undefined);
  ctx.findings.push(
    makeFinding(RULES.unknownProperty, ctx.file, ctx.lookups.keyPositionOf([...path, name]), { en: `${where.en}: unknown property '${name}'`, uk: `${where.uk}: невідома властивість «${name}»` }, hint),
  );
}

/** Every enum value gets a "did you mean" where one is close (kind: sya -> say), and the list. */
function enumFinding(file: string, at: ReturnType<SchemaLookups['valuePositionOf']>, where: Message, allowed: readonly string[], data: unknown): Finding {
  const guess = typeof data === 'string' || typeof data === 'number' ? suggestion(String(data), allowed) : undefined;
  const list = { en: `allowed: ${allowed.join(', ')}`, uk: `дозволено: ${allowed.join(', ')}` };
  const hint = guess === undefined ? list : { en: `${say('en', guess)} (${list.en})`, uk: `${say('uk', guess)} (${list.uk})` };
  const value = show(data);
  return makeFinding(RULES.invalidValue, file, at, { en: `${where.en}: ${value.en} is not allowed`, uk: `${where.uk}: значення ${value.uk} не дозволено` }, hint);
}

function missingProperty(ctx: SchemaContext, error: ErrorObject): void {
  if (ctx.anyOfPaths.has(error.instancePath) && !ctx.further.has(error.instancePath)) return;
  const name = String((error.params as { missingProperty: string }).missingProperty);
  if (ctx.mergedMissing.has(`${error.instancePath}\u0000${name}`)) return;
  const path = toPath(error.instancePath);
  const where = describePath(path);
  ctx.findings.push(
    makeFinding(
      RULES.missingProperty,
      ctx.file,
      ctx.lookups.positionOf(path),
      { en: `${where.en}: missing required property '${name}'`, uk: `${where.uk}: бракує обовʼязкової властивості «${name}»` },
      { en: `add '${name}:'`, uk: `додайте «${name}:»` },
    ),
  );
}

/** The same complaint from two branches is one finding. */
function uniqueFindings(findings: readonly Finding[]): Finding[] {
  const unique = new Map<string, Finding>();
  for (const finding of findings) unique.set(`${finding.line}:${finding.col}:${finding.rule}:${say('en', finding.message)}`, finding);
  return [...unique.values()];
}
