/**
 * A printable Markdown handbook of one SOP: what it is for, the diagram, every step in the order
 * a call meets it (what to say, guidance, options and where they lead, sources), interrupts,
 * outcomes and the referral contacts its end steps name. Pure and deterministic.
 */
import type { Directory } from '../model/directory.js';
import { ownContact, ownStep } from '../model/own-step.js';
import type { Sop, Step } from '../model/sop.js';
import { buildGraph, stepOrder } from './build-graph.js';
import { HB } from './handbook-words.js';
import { markdownLine, markdownParagraphs, markdownQuote } from './markdown-text.js';
import { shorten } from './shorten.js';
import { stepExits } from './step-targets.js';
import { textIn } from '../model/localize.js';
import { toMermaid } from './to-mermaid.js';
import { W, say } from './words.js';
import type { Message } from '../model/message.js';

export interface HandbookOptions {
  readonly lang: string;
  /** The SOP file as the user named it (shown in the header). */
  readonly file?: string;
  readonly directory?: Directory;
  /** Titles of other SOPs by id (for sub-procedures). */
  readonly titles?: ReadonlyMap<string, string>;
}

const anchor = (id: string): string => `step-${id}`;

/**
 * A language tag as a word of the handbook's language («українська», "Polish"), from the CLDR
 * names Node carries (Intl.DisplayNames), so that any tag an SOP declares has one; the tag itself
 * where there is none.
 */
function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
const contactAnchor = (id: string): string => `contact-${id}`;

export function toHandbook(sop: Sop, options: HandbookOptions): string {
  const { lang } = options;
  const w = (words: Message): string => say(lang, words);
  const order = handbookOrder(sop);
  const number = new Map(order.map((id, index) => [id, index + 1]));
  const comesFrom = sideBranchSources(sop, order, number);
  const reachable = reachableSteps(sop);
  const heading = (id: string): string => {
    // The step's own short title; without one its id, never the instruction cut mid-sentence.
    const title = textIn(ownStep(sop, id)?.title, lang);
    return `${number.get(id) ?? '?'}. ${title ? shorten(title, 80) : id}`;
  };
  const link = (id: string): string =>
    ownStep(sop, id) ? `[${markdownLine(heading(id))}](#${anchor(id)})` : `\`${id}\` (?)`;

  const out: string[] = [`# ${markdownLine(textIn(sop.title, lang))}`, ''];
  out.push(`| | |`, `|---|---|`, `| ${w(HB.sop)} | \`${sop.sop}\` |`, `| ${w(HB.version)} | ${sop.version} |`);
  out.push(`| ${w(HB.languages)} | ${sop.languages.map((code) => languageName(code, lang)).join(', ')} |`);
  if (options.file) out.push(`| ${w(HB.file)} | \`${options.file}\` |`);
  out.push('', `*${w(HB.generated)}*`, '');
  if (sop.description !== undefined) out.push(`## ${w(HB.purpose)}`, '', markdownParagraphs(textIn(sop.description, lang)), '');

  const graph = buildGraph(sop, { lang, ...(options.titles ? { titles: options.titles } : {}) });
  out.push(`## ${w(HB.diagram)}`, '', '```mermaid', toMermaid(graph, lang).trimEnd(), '```', '');

  out.push(`## ${w(HB.steps)}`, '', w(HB.stepsIntro), '');
  const referred: string[] = [];
  for (const id of order) {
    const step = sop.steps[id]!;
    out.push(`<a id="${anchor(id)}"></a>`, '', `### ${markdownLine(heading(id))}`, '');
    const tags = [`*${w(HB.kind[step.kind])}*`, `\`${id}\``];
    if (id === sop.start) tags.push(`**${w(HB.start)}**`);
    if (!reachable.has(id)) tags.push(`⚠ ${w(HB.notReachable)}`);
    out.push(tags.join(' · '), '');
    const from = comesFrom.get(id);
    if (from !== undefined) out.push(`↩ ${w(HB.comesFrom)} ${link(from)}`, '');
    const text = textIn(step.text, lang);
    if (text) out.push(markdownParagraphs(text), '');
    if ('say' in step && step.say !== undefined) out.push(`**${w(HB.sayAloud)}:**`, '', markdownQuote(textIn(step.say, lang)), '');
    if (step.guidance !== undefined) out.push(`**${w(HB.guidance)}:** ${markdownParagraphs(textIn(step.guidance, lang))}`, '');
    out.push(...stepBody(step, lang, link, w, sop, options.titles));
    if (step.kind === 'end') {
      for (const contact of step.refer ?? []) if (!referred.includes(contact)) referred.push(contact);
      if (step.refer?.length) {
        const names = step.refer.map((c) => {
          const entry = ownContact(options.directory, c);
          return entry ? `[${markdownLine(textIn(entry.name, lang))}](#${contactAnchor(c)})` : `\`${c}\` (${w(HB.missingContact)})`;
        });
        out.push(`**${w(HB.referTo)}:** ${names.join('; ')}`, '');
      }
    }
    if ('sensitive' in step && step.sensitive) out.push(`🔒 ${w(HB.sensitive)}`, '');
    if ('stat' in step && step.stat) out.push(`📊 ${w(HB.stat)} \`${step.stat}\`.`, '');
    if (step.source) out.push(`*${w(HB.source)}: ${markdownLine(textIn(step.source, lang))}*`, '');
  }

  if (sop.interrupts?.length) {
    out.push(`## ${w(HB.interrupts)}`, '', w(HB.interruptsIntro), '', `| ${w(HB.key)} | ${w(HB.what)} | ${w(HB.goesTo)} |`, '|---|---|---|');
    for (const interrupt of sop.interrupts) {
      out.push(`| \`${interrupt.key === '`' ? '` ` `' : interrupt.key}\` | ${markdownLine(textIn(interrupt.label, lang))} | ${link(interrupt.goto)} |`);
    }
    out.push('');
  }

  const outcomes = Object.entries(sop.outcomes ?? {});
  if (outcomes.length > 0) {
    out.push(`## ${w(HB.outcomes)}`, '', `| ${w(HB.outcome)} | ${w(HB.category)} | ${w(HB.meaning)} |`, '|---|---|---|');
    for (const [id, outcome] of outcomes) {
      out.push(
        `| **${markdownLine(textIn(outcome.label, lang))}** (\`${id}\`) | ${w(W.category[outcome.category])} | ${markdownLine(textIn(outcome.description, lang))} |`,
      );
    }
    out.push('');
  }

  if (referred.length > 0) {
    out.push(`## ${w(HB.contacts)}`, '', w(HB.contactsIntro), '');
    for (const id of referred) {
      const contact = ownContact(options.directory, id);
      out.push(`<a id="${contactAnchor(id)}"></a>`, '');
      if (!contact) {
        out.push(`### \`${id}\``, '', `⚠ ${w(HB.missingContact)}`, '');
        continue;
      }
      out.push(`### ${markdownLine(textIn(contact.name, lang))}`, '');
      if (contact.phone?.length) out.push(`- **${w(HB.phone)}:** ${contact.phone.map((p) => `\`${p}\``).join(', ')}`);
      if (contact.hours !== undefined) out.push(`- **${w(HB.hours)}:** ${markdownLine(textIn(contact.hours, lang))}`);
      if (contact.languages?.length) out.push(`- **${w(HB.languages)}:** ${contact.languages.join(', ')}`);
      if (contact.free) out.push(`- ${w(HB.free)}`);
      if (contact.notes !== undefined) out.push(`- **${w(HB.notes)}:** ${markdownLine(textIn(contact.notes, lang))}`);
      out.push(`- **${w(HB.lastVerified)}:** ${contact.last_verified}`);
      if (contact.unverified) out.push(`- ⚠ **${w(HB.unverified)}:** ${markdownLine(textIn(contact.unverified, lang))}`);
      out.push(`- *${w(HB.source)}: ${markdownLine(textIn(contact.source, lang))}*`, '');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/**
 * The order steps are numbered in: the main path first, depth first along the most likely branch
 * (the one the most of the procedure follows from), then each side branch in the order a call
 * meets it (breadth first, as stepOrder), followed along its own most likely branch.
 */
export function handbookOrder(sop: Sop): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const follow = (from: string): void => {
    for (let id: string | undefined = from; id !== undefined && !seen.has(id) && ownStep(sop, id); ) {
      seen.add(id);
      order.push(id);
      const exits: { readonly to: string; readonly when?: string | undefined }[] = stepExits(sop.steps[id]!, 'en').filter((exit) => !seen.has(exit.to) && ownStep(sop, exit.to));
      // The branch the rest of the call hangs from: the exit that leads on to the most steps not
      // yet numbered (first in the file on a tie). Short detours (danger, "call back later") wait.
      let likely: string | undefined;
      let most = -1;
      for (const exit of exits) {
        const size = onward(exit.to, seen);
        if (size > most) {
          most = size;
          likely = exit.to;
        }
      }
      id = likely;
    }
  };
  const onward = (from: string, seen: ReadonlySet<string>): number => {
    const reached = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (reached.has(id) || seen.has(id) || !ownStep(sop, id)) continue;
      reached.add(id);
      for (const exit of stepExits(sop.steps[id]!, 'en')) stack.push(exit.to);
    }
    return reached.size;
  };
  for (const id of [sop.start, ...stepOrder(sop)]) follow(id);
  return order;
}

/** For the first step of each side branch: the lowest-numbered step that leads to it (its back-reference). */
function sideBranchSources(sop: Sop, order: readonly string[], number: ReadonlyMap<string, number>): Map<string, string> {
  const sources = new Map<string, string>();
  order.forEach((id, index) => {
    if (index === 0) return;
    const previous = order[index - 1]!;
    if (stepExits(sop.steps[previous]!, 'en').some((exit) => exit.to === id)) return; // continues the path above it
    const from = order.filter((other) => stepExits(sop.steps[other]!, 'en').some((exit) => exit.to === id));
    const first = from.sort((a, b) => number.get(a)! - number.get(b)!)[0];
    if (first !== undefined) sources.set(id, first);
  });
  return sources;
}

/** Steps a call can reach: from the start or through an interrupt. */
function reachableSteps(sop: Sop): Set<string> {
  const seen = new Set<string>();
  const stack = [sop.start, ...(sop.interrupts ?? []).map((i) => i.goto)];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || !ownStep(sop, id)) continue;
    seen.add(id);
    for (const exit of stepExits(sop.steps[id]!, 'en')) stack.push(exit.to);
  }
  return seen;
}

type Say = (words: Message) => string;

function stepBody(step: Step, lang: string, link: (id: string) => string, w: Say, sop: Sop, titles?: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  switch (step.kind) {
    case 'ask': {
      out.push(`**${w(HB.options)}:**`, '');
      // Options that all lead to the same step are one line: "A, B, C → 5." (not the target eight times).
      const single = new Map<string, string[]>();
      for (const option of step.options) {
        const exits = stepExits({ ...step, options: [option] }, lang);
        if (exits.length === 1) single.set(exits[0]!.to, [...(single.get(exits[0]!.to) ?? []), markdownLine(textIn(option.label, lang))]);
      }
      const written = new Set<string>();
      for (const option of step.options) {
        const exits = stepExits({ ...step, options: [option] }, lang);
        const label = markdownLine(textIn(option.label, lang));
        if (exits.length === 1) {
          const to = exits[0]!.to;
          if (written.has(to)) continue;
          written.add(to);
          out.push(`- ${single.get(to)!.map((l) => `**${l}**`).join(', ')} → ${link(to)}`);
        } else if (exits.length === 0) out.push(`- **${label}** → —`);
        else {
          out.push(`- **${label}**`);
          for (const exit of exits) out.push(`  - ${branchText(exit.when, exit.label, label, w)} → ${link(exit.to)}`);
        }
      }
      out.push('');
      break;
    }
    case 'checklist':
      out.push(`**${w(HB.items)}:**`, '');
      for (const option of step.options) {
        const hint = option.hint !== undefined ? ` — *${markdownLine(textIn(option.hint, lang))}*` : '';
        out.push(`- [ ] ${markdownLine(textIn(option.label, lang))}${hint}`);
      }
      out.push('', ...nextLines(step, lang, link, w));
      break;
    case 'input': {
      const spec = step.input;
      const rules = [w(HB.inputType[spec.type])];
      if (spec.min !== undefined) rules.push(`${w(HB.min)} ${spec.min}`);
      if (spec.max !== undefined) rules.push(`${w(HB.max)} ${spec.max}`);
      if (spec.maxLength !== undefined) rules.push(`${spec.maxLength} ${w(HB.maxLength)}`);
      if (spec.pattern !== undefined) rules.push(`${w(HB.pattern)} \`${spec.pattern.replace(/`/g, "'")}\``);
      if (spec.optional) rules.push(w(HB.optional));
      out.push(`**${w(HB.input)}:** ${rules.join(', ')}.`, '', ...nextLines(step, lang, link, w));
      break;
    }
    case 'say':
    case 'decide':
      out.push(...nextLines(step, lang, link, w));
      break;
    case 'call': {
      const title = titles?.get(step.sop);
      out.push(`**${w(HB.runs)}:** ${title !== undefined ? `${markdownLine(title)} ` : ''}(\`${step.sop}\`)`, '');
      if (step.next === undefined) out.push(w(HB.tail), '');
      else out.push(...nextLines(step, lang, link, w));
      break;
    }
    case 'end': {
      const outcome = sop.outcomes?.[step.outcome];
      const label = outcome ? `**${markdownLine(textIn(outcome.label, lang))}** (${w(W.category[outcome.category])})` : `\`${step.outcome}\``;
      out.push(`**${w(HB.outcome)}:** ${label}`, '');
      break;
    }
  }
  return out;
}

function branchText(when: string | undefined, label: string, prefix: string, w: Say): string {
  const own = prefix && label.startsWith(`${prefix}: `) ? label.slice(prefix.length + 2) : label;
  if (when === undefined) return w(HB.otherwise);
  // The branch's label says the condition in words; the CEL itself only where there is no label.
  if (own !== when && own !== '') return `${w(HB.when)}: ${markdownLine(own)}`;
  return `${w(HB.when)} \`${when.replace(/`/g, "'")}\``;
}

function nextLines(step: Step, lang: string, link: (id: string) => string, w: Say): string[] {
  const exits = stepExits(step, lang);
  if (exits.length === 0) return [];
  if (exits.length === 1 && exits[0]!.when === undefined && !exits[0]!.label) return [`**${w(HB.next)}:** ${link(exits[0]!.to)}`, ''];
  return [`**${w(HB.next)}:**`, '', ...exits.map((exit) => `- ${branchText(exit.when, exit.label, '', w)} → ${link(exit.to)}`), ''];
}
