/** SOP text for Markdown: every character Markdown or HTML could act on is backslash-escaped. */
function markdownText(text: string): string {
  return text.replace(/([\\`*_[\]<>|#~!])/g, '\\$1');
}

/** One line of Markdown (line ends collapsed, e.g. for headings, list items and table cells). */
export function markdownLine(text: string): string {
  return markdownText(text.replace(/\s+/g, ' ').trim());
}

/** A block quote of a possibly multi-line text. */
export function markdownQuote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() ? `> ${markdownText(line.trim())}` : '>'))
    .join('\n');
}

/** Paragraphs of a possibly multi-line text (blank lines kept, single line ends kept as breaks). */
export function markdownParagraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => para.split('\n').map((l) => markdownText(l.trim())).join('  \n'))
    .join('\n\n');
}
