/**
 * `--format github`: GitHub Actions workflow commands, so findings show as annotations on the
 * pull request: `::error file=F,line=L,col=C,title=SOP104 unknown-step::message`. The message
 * (and hint) in the language asked for; the title is the stable rule code and name.
 */
import type { Finding } from '../../core/validate/finding.js';
import type { Lang } from '../i18n.js';
import { messageWithHint } from './findings-summary.js';
import { safeText } from '../tui/safe-text.js';

/** Escape sequences and control characters from SOP files dropped (the log shows ANSI colours), then %-encoded. */
function escapeData(text: string): string {
  return safeText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: readonly Finding[], lang: Lang = 'en'): string {
  let out = '';
  for (const f of findings) {
    const command = f.severity === 'error' ? 'error' : 'warning';
    const message = messageWithHint(f, lang);
    out += `::${command} file=${escapeProperty(f.file)},line=${f.line},col=${f.col},title=${escapeProperty(`${f.rule} ${f.name}`)}::${escapeData(message)}\n`;
  }
  return out;
}
