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
import { suggestion } from './did-you-mean.js';
import type { Finding } from './finding.js';
import { makeFinding } from './make-finding.js';
import { RULES } from './rules.js';

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
export function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the document';
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  object: 'a mapping (key: value)',
  array: 'a list',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

function actualType(data: unknown): string {
  if (data === null || data === undefined) return 'empty';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (typeof data === 'string') return 'a text';
  if (typeof data === 'number') return Number.isInteger(data) ? 'a whole number' : 'a number';
  if (typeof data === 'boolean') return 'true/false';
  return typeof data;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function patternMeaning(error: ErrorObject): string {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return description ? description.replace(/\.$/, '').replace(/^A /, 'a ') : `must match ${String((error.params as { pattern?: string }).pattern)}`;
}

function allowedProperties(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

/**
 * Where an anyOf's branches are objects (a scenario entry is an answer or an interrupt), each
 * branch reports its own unknown and missing properties at the same place. Keep only those of
 * the branch that fits best (fewest complaints); branches are told apart by their schema object
 * (ajv's verbose `parentSchema`).
 */
function bestBranchOnly(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const dropped = new Set<ErrorObject>();
  for (const path of anyOfPaths) {
    const branches = new Map<unknown, ErrorObject[]>();
    for (const e of errors) {
      if (e.instancePath !== path || (e.keyword !== 'required' && e.keyword !== 'additionalProperties')) continue;
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

export function schemaFindings(errors: readonly ErrorObject[], file: string, lookups: SchemaLookups): Finding[] {
  const relevant = bestBranchOnly(errors.filter((error) => error.keyword !== 'if' && error.keyword !== 'propertyNames'));

  // anyOf: decide per instance path whether a branch got further.
  const anyOfPaths = new Set(relevant.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
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

  const findings: Finding[] = [];
  const unknownByObject = new Map<string, ErrorObject[]>();
  for (const e of relevant) {
    if (e.keyword === 'additionalProperties') {
      const list = unknownByObject.get(e.instancePath) ?? [];
      list.push(e);
      unknownByObject.set(e.instancePath, list);
    }
  }
  const mergedMissing = new Set<string>();

  const seen = new Set<string>();
  for (const error of relevant) {
    const path = toPath(error.instancePath);
    const where = describePath(path);
    const params = error.params as Record<string, unknown>;
    const isAnyOfPath = anyOfPaths.has(error.instancePath);
    if (isAnyOfPath && error.keyword === 'type' && error.propertyName === undefined) continue;
    if (error.keyword === 'anyOf') {
      if (further.has(error.instancePath)) continue;
      const types = errors
        .filter((e) => e.instancePath === error.instancePath && e.keyword === 'type' && e.propertyName === undefined)
        .map((e) => (e.params as { type: string }).type);
      const expected = [...new Set(types)].map(typeName).join(' or ');
      findings.push(
        makeFinding(RULES.wrongType, file, lookups.valuePositionOf(path), `${where} must be ${expected || 'something else'}, not ${actualType(error.data)}`),
      );
      continue;
    }
    if (error.propertyName !== undefined) {
      // A bad key (propertyNames): report at the key.
      const keyPath = [...path, error.propertyName];
      const id = `${error.instancePath}\u0000${error.propertyName}`;
      if (seen.has(id)) continue;
      seen.add(id);
      findings.push(
        makeFinding(RULES.invalidValue, file, lookups.keyPositionOf(keyPath), `${where}: the key ${show(error.propertyName)} is not allowed here: ${patternMeaning(error)}`),
      );
      continue;
    }
    switch (error.keyword) {
      case 'additionalProperties': {
        const name = String(params['additionalProperty']);
        const allowed = allowedProperties(error);
        const missing = relevant
          .filter((e) => e.keyword === 'required' && e.instancePath === error.instancePath)
          .map((e) => String((e.params as { missingProperty: string }).missingProperty));
        const typoOf = suggestion(name, missing);
        if (typoOf !== undefined) {
          for (const m of missing) if (suggestion(name, [m]) !== undefined) mergedMissing.add(`${error.instancePath}\u0000${m}`);
        }
        const hint = typoOf ?? suggestion(name, allowed) ?? (allowed.length ? `allowed here: ${allowed.join(', ')}` : undefined);
        findings.push(
          makeFinding(RULES.unknownProperty, file, lookups.keyPositionOf([...path, name]), `${where}: unknown property '${name}'`, hint),
        );
        break;
      }
      case 'required':
        break; // after the loop, once typos are known
      case 'type':
        findings.push(
          makeFinding(RULES.wrongType, file, lookups.valuePositionOf(path), `${where} must be ${typeName(params['type'])}, not ${actualType(error.data)}`),
        );
        break;
      case 'enum': {
        const allowed = (params['allowedValues'] as unknown[]).map(String);
        const hint = (typeof error.data === 'string' ? suggestion(error.data, allowed) : undefined) ?? `allowed: ${allowed.join(', ')}`;
        findings.push(makeFinding(RULES.invalidValue, file, lookups.valuePositionOf(path), `${where}: ${show(error.data)} is not allowed`, hint));
        break;
      }
      case 'const':
        findings.push(makeFinding(RULES.invalidValue, file, lookups.valuePositionOf(path), `${where} must be ${show(params['allowedValue'])}`));
        break;
      case 'pattern':
        findings.push(
          makeFinding(RULES.invalidValue, file, lookups.valuePositionOf(path), `${where}: ${show(error.data)} is not valid: ${patternMeaning(error)}`),
        );
        break;
      default:
        findings.push(makeFinding(RULES.invalidValue, file, lookups.valuePositionOf(path), `${where} ${error.message ?? 'is not valid'}`));
    }
  }
  for (const error of relevant) {
    if (error.keyword !== 'required') continue;
    if (anyOfPaths.has(error.instancePath) && !further.has(error.instancePath)) continue;
    const name = String((error.params as { missingProperty: string }).missingProperty);
    if (mergedMissing.has(`${error.instancePath}\u0000${name}`)) continue;
    const path = toPath(error.instancePath);
    findings.push(
      makeFinding(RULES.missingProperty, file, lookups.positionOf(path), `${describePath(path)}: missing required property '${name}'`, `add '${name}:'`),
    );
  }
  // The same complaint from two branches is one finding.
  const unique = new Map<string, Finding>();
  for (const finding of findings) unique.set(`${finding.line}:${finding.col}:${finding.rule}:${finding.message}`, finding);
  return [...unique.values()];
}
