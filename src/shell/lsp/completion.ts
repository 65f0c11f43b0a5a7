/**
 * Completion from the line being typed: step ids after next:, goto: and start: (also inside an
 * option's flow mapping), SOP ids after a call step's sop:, contact ids in refer:, variable and
 * outcome names in when:, step kinds after kind:, the step keys of the schema, and the SOP's
 * languages under a text.
 */
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { SCHEMA_TEXT } from '../../generated/schemas.js';
import type { Sop } from '../../core/model/sop.js';
import { localize } from '../i18n.js';
import type { Lang } from '../i18n.js';
import { lineAt } from './symbols-index.js';
import type { Validation } from './workspace.js';

const TEXT_KEYS = /^(text|say|guidance|label|title|description|hint|situation|caller|why)$/;

interface SchemaDefs {
  readonly definitions: Record<string, { properties?: Record<string, { enum?: string[] }> }>;
}
let schema: SchemaDefs | undefined;
function stepKeys(): { kinds: string[]; keys: string[] } {
  schema ??= JSON.parse(SCHEMA_TEXT.sop) as SchemaDefs;
  const kinds = schema.definitions['step']?.properties?.['kind']?.enum ?? [];
  const keys = new Set<string>();
  for (const kind of kinds) for (const key of Object.keys(schema.definitions[`${kind}Step`]?.properties ?? {})) keys.add(key);
  return { kinds, keys: [...keys] };
}

/** The SOP a file defines (from the last validation), or the one a scenario starts in. */
export function sopOfFile(validation: Validation, file: string, text: string): Sop | undefined {
  for (const loaded of validation.load.library.sops.values()) if (loaded.file === file) return loaded.sop;
  const id = /^sop:\s*["']?([a-z0-9-]+)/m.exec(text)?.[1];
  return id === undefined ? undefined : validation.load.library.sops.get(id)?.sop;
}

/** The key of the nearest line above with less indentation (the mapping the cursor is in). */
function parentKey(text: string, line: number, indent: number): string | undefined {
  for (let current = line - 1; current >= 0; current--) {
    const above = lineAt(text, current) ?? '';
    if (above.trim() === '' || above.trimStart().startsWith('#')) continue;
    const own = above.length - above.trimStart().length;
    if (own < indent) return /^\s*(?:-\s+)?([\w-]+):/.exec(above)?.[1];
  }
  return undefined;
}

export function complete(validation: Validation, file: string, text: string, position: Position, lang: Lang): CompletionItem[] {
  const line = lineAt(text, position.line) ?? '';
  const before = line.slice(0, position.character);
  const sop = sopOfFile(validation, file, text);
  const items = (labels: Iterable<string>, kind: CompletionItemKind, detail?: (label: string) => string | undefined): CompletionItem[] =>
    [...labels].map((label) => {
      const more = detail?.(label);
      return { label, kind, ...(more ? { detail: more } : {}) };
    });
  const library = validation.load.library;
  if (/(?:^|[\s{,])(?:next|goto|start):\s*["']?[\w-]*$/.test(before) || (/^\s*-\s*["']?[\w-]*$/.test(before) && parentKey(text, position.line, before.indexOf('-')) === 'visits')) {
    if (sop === undefined) return [];
    return items(Object.keys(sop.steps), CompletionItemKind.Reference, (id) => `${sop.steps[id]!.kind}: ${localize(sop.steps[id]!.text, lang).slice(0, 60)}`);
  }
  if (/^\s*sop:\s*["']?[\w-]*$/.test(before) && (before.search(/\S/) > 0 || file.endsWith('.scenario.yaml') || file.endsWith('.scenario.yml'))) {
    return items(library.sops.keys(), CompletionItemKind.Module, (id) => localize(library.sops.get(id)!.sop.title, lang));
  }
  const contacts = library.directory?.contacts ?? {};
  if (/refer(?:rals)?:\s*\[[^\]]*$/.test(before) || (/^\s*-\s*[\w-]*$/.test(before) && /^(refer|referrals)$/.test(parentKey(text, position.line, before.indexOf('-')) ?? ''))) {
    return items(Object.keys(contacts), CompletionItemKind.Value, (id) => localize(contacts[id]!.name, lang));
  }
  if (/when:\s*.*$/.test(before)) {
    if (sop === undefined) return [];
    return [...items(Object.keys(sop.variables ?? {}), CompletionItemKind.Variable, (name) => sop.variables![name]!.type), ...items(Object.keys(sop.outcomes ?? {}), CompletionItemKind.EnumMember)];
  }
  if (/(?:^|[\s{,])kind:\s*[\w-]*$/.test(before)) return items(stepKeys().kinds, CompletionItemKind.Keyword);
  if (/^\s*[\w-]*$/.test(before)) {
    const indent = before.length - before.trimStart().length;
    const parent = parentKey(text, position.line, indent) ?? '';
    if (TEXT_KEYS.test(parent)) return items(sop?.languages ?? ['en', 'uk'], CompletionItemKind.Property).map((item) => ({ ...item, insertText: `${item.label}: ` }));
    const grand = parentKey(text, position.line, indent > 2 ? indent - 2 : 0);
    if (grand === 'steps' || (sop !== undefined && Object.prototype.hasOwnProperty.call(sop.steps, parent))) {
      return items(stepKeys().keys, CompletionItemKind.Property).map((item) => ({ ...item, insertText: `${item.label}: ` }));
    }
  }
  return [];
}
