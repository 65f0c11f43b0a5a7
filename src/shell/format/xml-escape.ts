/**
 * Text for JUnit XML, in element content and double-quoted attributes (every writer here quotes
 * attributes with "), so ' needs no escape. Characters XML 1.0 cannot carry at all are dropped.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}
