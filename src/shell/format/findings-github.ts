/**
 * `--format github`: GitHub Actions workflow commands, so findings show as annotations on the
 * pull request: `::error file=F,line=L,col=C,title=SOP104 unknown-step::message`. The message
 * (and hint) in the language asked for; the title is the stable rule code and name.
 */
import type { Finding } from '../../core/findings/finding.js';
import type { Lang } from '../i18n.js';
import { foldFindings } from '../../core/validate/fold-findings.js';
import { messageWithConsequences } from './findings-summary.js';
import { safeText } from '../text/safe-text.js';

/**
 * Escape sequences and control characters from SOP files dropped (the log shows ANSI colours), then
 * %-encoded as the runner decodes it: a carriage return as %0D, a line feed as %0A. The text is cut
 * at each carriage return first, because safeText would turn one into a line feed.
 */
function escapeData(text: string): string {
  return text
    .split('\r')
    .map((part) => safeText(part).replace(/%/g, '%25').replace(/\n/g, '%0A'))
    .join('%0D');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: readonly Finding[], lang: Lang = 'en'): string {
  let out = '';
  // One annotation per root cause; what follows from it is said in its message.
  for (const { root: f, consequences } of foldFindings(findings)) {
    const command = f.severity === 'error' ? 'error' : 'warning';
    const message = messageWithConsequences(f, consequences, lang);
    out += `::${command} file=${escapeProperty(f.file)},line=${f.line},col=${f.col},title=${escapeProperty(`${f.rule} ${f.name}`)}::${escapeData(message)}\n`;
  }
  return out;
}
