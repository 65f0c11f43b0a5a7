/**
 * BCP 47 language tags (en, uk, pl, pt-BR, sr-Latn): what an SOP's `languages:` declares, what
 * its text maps are keyed by and what `--lang` asks for. Lookups compare tags as written, so a
 * tag counts only in its canonical form (pt-BR, not pt-br or pt_BR).
 */

/** The canonical form of `tag` (pt_br -> pt-BR), or undefined when it is not a language tag. */
export function canonicalTag(tag: string): string | undefined {
  if (!/^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/**
 * The tags to try for `tag`, most specific first: pt-BR -> pt-BR, pt; sr-Latn-RS -> sr-Latn-RS,
 * sr-Latn, sr. Extensions (-u-..., -x-...) are dropped with what follows them.
 */
export function tagChain(tag: string): string[] {
  const subtags = tag.split('-');
  const singleton = subtags.findIndex((subtag, index) => index > 0 && subtag.length === 1);
  const kept = singleton === -1 ? subtags : subtags.slice(0, singleton);
  return kept.map((_, index) => kept.slice(0, kept.length - index).join('-'));
}

/**
 * The first of `available` a reader of `wanted` should get: the tag itself or a broader one
 * (pt-BR -> pt), else undefined. `available` is searched as given.
 */
export function bestMatch(wanted: string, available: readonly string[]): string | undefined {
  return tagChain(wanted).find((tag) => available.includes(tag));
}
