/**
 * The tool's own words come as a message in both of its languages; `say` picks one (English for
 * any language other than Ukrainian). The one definition core and shell share.
 */
export interface Message {
  readonly en: string;
  readonly uk: string;
}

export function say(lang: string, message: Message): string {
  return lang === 'uk' ? message.uk : message.en;
}
