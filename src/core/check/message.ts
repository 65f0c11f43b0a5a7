/** A message in both of the tool's languages; the shell picks one with `say(lang, message)`. */
export interface Bilingual {
  readonly en: string;
  readonly uk: string;
}
