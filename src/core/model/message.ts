/**
 * The tool's own words. A message is a key into the catalogues (locales/<lang>.ftl, Fluent) with
 * its arguments: `msg('tui-back')`, `msg('tui-more-answers', { n: 3 })`; `say(lang, message)`
 * puts it in words. The catalogues are data the shell reads (core reads no file): it hands
 * `useCatalogues` a lookup once at start-up, which loads a language when it is first asked for.
 *
 * Not every message has moved to a catalogue yet: an inline `{ en, uk }` pair is still a
 * message (English for any language other than Ukrainian) until scripts/i18n-codemod.mjs moves
 * it (docs/translating.md).
 */
import { tagChain } from './language-tag.js';

/** An argument: a value shown as it is, a number (plural rules choose by it), or a message said in the same language. */
export type MessageArg = string | number | Message | boolean | bigint | null | undefined;
export type MessageArgs = Readonly<Record<string, MessageArg>>;

export interface KeyedMessage {
  readonly key: string;
  readonly args?: MessageArgs;
}

/** A message not yet moved to the catalogues (see above). */
export interface InlineMessage {
  readonly en: string;
  readonly uk: string;
}

export type Message = KeyedMessage | InlineMessage;

export function msg(key: string, args?: MessageArgs): KeyedMessage {
  return args === undefined ? { key } : { key, args };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && ('key' in value || ('en' in value && 'uk' in value));
}

/** One language's catalogue: the text of `key` with `args`, or undefined when it has no such key. */
export interface Catalogue {
  format(key: string, args: Readonly<Record<string, string | number>>): string | undefined;
}

type CatalogueLookup = (lang: string) => Catalogue | undefined;

let catalogueOf: CatalogueLookup = () => undefined;

/**
 * Where say() finds a language's catalogue. The one piece of start-up state in core: set once by
 * the shell (installCatalogues) before anything is said, never changed by a command.
 */
export function useCatalogues(lookup: CatalogueLookup): void {
  catalogueOf = lookup;
}

/**
 * `message` in `lang`: its catalogue, else a broader tag's (pt-BR -> pt), else English's; a key
 * no catalogue has is shown as the key itself (the key-check test keeps that from shipping).
 */
export function say(lang: string, message: Message): string {
  if (!('key' in message)) return lang === 'uk' ? message.uk : message.en;
  const args = argsIn(lang, message.args);
  for (const tag of [...tagChain(lang), 'en']) {
    const text = catalogueOf(tag)?.format(message.key, args);
    if (text !== undefined) return text;
  }
  return message.key;
}

function argsIn(lang: string, args: MessageArgs | undefined): Record<string, string | number> {
  const said: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(args ?? {})) {
    said[name] = typeof value === 'number' ? value : isMessage(value) ? say(lang, value) : String(value);
  }
  return said;
}
