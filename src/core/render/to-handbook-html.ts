/**
 * One self-contained, printable HTML file of handbooks: a contents page, then each SOP's handbook
 * (the Markdown of toHandbook rendered by `marked`), each from a new page when printed. Pure.
 *
 * Safe by construction: every SOP text reaches the Markdown backslash-escaped (markdown-text.ts),
 * so `marked` prints it as text; the only raw HTML the handbook writes are its own step and contact
 * anchors, and any other raw HTML token is printed escaped. Links go only to anchors inside the
 * file (others print as text), images print as their alt text: nothing is fetched from anywhere.
 */
import { Marked, type Tokens } from 'marked';
import { say } from './words.js';

export interface HandbookPart {
  /** The SOP's id (prefixes its anchors: two SOPs may have steps of the same id). */
  readonly id: string;
  readonly title: string;
  /** The handbook Markdown of toHandbook. */
  readonly markdown: string;
  /** The diagram as inline SVG (from Graphviz), or a one-line note of why there is none. */
  readonly diagram: { readonly svg: string } | { readonly note: string };
}

export interface HandbookHtmlOptions {
  readonly lang: string;
  /** The title of the whole file (the library's, or the one SOP's). */
  readonly title: string;
  /** A contents page first (the whole library). */
  readonly contents: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The handbook's own anchors, whole (an HTML block) or as marked splits them in a paragraph. */
const OWN_ANCHOR = /^<a id="((?:step|contact)-[^"<>&]+)">(<\/a>)?\s*$/;

/** The SVG element of Graphviz's output, without its XML prolog, doctype and comments. */
function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  const body = start >= 0 ? svg.slice(start) : '';
  // Graphviz writes no scripts; anything that could run or fetch is dropped all the same.
  return body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(?:a|image|foreignObject)\b[^>]*>/gi, '')
    .replace(/<\/(?:a|image|foreignObject)\s*>/gi, '')
    .replace(/\son\w+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .trim();
}

function renderPart(part: HandbookPart): string {
  const prefix = `${part.id}--`;
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag): string {
        const own = OWN_ANCHOR.exec(text);
        if (own) return `<a id="${escapeHtml(prefix + own[1]!)}">${own[2] ?? ''}`;
        if (text === '</a>') return text;
        return escapeHtml(text);
      },
      code({ text, lang }: Tokens.Code): string {
        if (lang === 'mermaid') {
          return 'svg' in part.diagram
            ? `<figure class="diagram">${inlineSvg(part.diagram.svg)}</figure>\n`
            : `<p class="diagram-note">${escapeHtml(part.diagram.note)}</p>\n`;
        }
        return `<pre><code>${escapeHtml(text)}</code></pre>\n`;
      },
      link(token: Tokens.Link): string {
        const inner = this.parser.parseInline(token.tokens);
        return token.href.startsWith('#') ? `<a href="#${escapeHtml(prefix + token.href.slice(1))}">${inner}</a>` : inner;
      },
      image({ text }: Tokens.Image): string {
        return escapeHtml(text);
      },
      blockquote({ tokens }: Tokens.Blockquote): string {
        // In a handbook the only block quotes are the words to read aloud.
        return `<blockquote class="say">${this.parser.parse(tokens)}</blockquote>\n`;
      },
    },
  });
  // An anchor alone in its paragraph needs no paragraph of its own.
  const html = (marked.parse(part.markdown) as string).replace(/<p>(<a id="[^"]+"><\/a>)<\/p>\n/g, '$1\n');
  return `<section class="sop" id="${escapeHtml(`sop-${part.id}`)}">\n${html}</section>\n`;
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; line-height: 1.45; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.7rem; border-bottom: 2px solid #333; padding-bottom: .2rem; }
h2 { font-size: 1.3rem; margin-top: 1.6rem; border-bottom: 1px solid #aaa; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; margin: .5rem 0; }
td, th { border: 1px solid #bbb; padding: .2rem .5rem; vertical-align: top; text-align: left; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; background: #f2f2f2; padding: 0 .2em; }
blockquote.say { border: 2px solid #1f5fa8; border-left-width: 6px; background: #eef4fb; margin: .5rem 0; padding: .4rem .8rem; font-size: 1.05em; break-inside: avoid; page-break-inside: avoid; }
figure.diagram { margin: .5rem 0; overflow-x: auto; }
figure.diagram svg { max-width: 100%; height: auto; }
p.diagram-note { border: 1px dashed #999; padding: .4rem .8rem; color: #444; }
nav.contents ol { line-height: 1.8; }
section.sop + section.sop, nav.contents + section.sop { margin-top: 3rem; }
a { color: #1f5fa8; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  section.sop { break-before: page; page-break-before: always; }
  section.sop:first-child { break-before: auto; page-break-before: auto; }
  section.sop + section.sop, nav.contents + section.sop { margin-top: 0; }
  figure.diagram svg { max-height: 240mm; }
  a { color: inherit; text-decoration: none; }
  blockquote.say { background: none; }
}
`;

export function toHandbookHtml(parts: readonly HandbookPart[], options: HandbookHtmlOptions): string {
  const { lang } = options;
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing from anywhere: no scripts, styles, fonts or pictures but those written in the file.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
  ];
  if (options.contents) {
    out.push('<nav class="contents">', `<h1>${escapeHtml(options.title)}</h1>`, `<h2>${escapeHtml(say(lang, { en: 'Contents', uk: 'Зміст' }))}</h2>`, '<ol>');
    for (const part of parts) out.push(`<li><a href="#${escapeHtml(`sop-${part.id}`)}">${escapeHtml(part.title)}</a> <code>${escapeHtml(part.id)}</code></li>`);
    out.push('</ol>', '</nav>');
  }
  for (const part of parts) out.push(renderPart(part));
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
