/**
 * SOP010 missing-modeline: a shipped YAML file starts with
 * `# yaml-language-server: $schema=<path>/<kind>.schema.json` so editors check it as it is typed.
 * Warned when the line is missing or names another kind's schema.
 */
import type { Finding } from '../findings/finding.js';
import { makeFinding } from '../findings/make-finding.js';
import { RULES } from '../findings/rules.js';

const MODELINE = '# yaml-language-server: $schema=';

export function checkModeline(text: string, file: string, schema: 'sop' | 'directory' | 'scenario'): Finding[] {
  const wanted = `${schema}.schema.json`;
  const fix = { en: `make the first line: ${MODELINE}<path to>/schemas/${wanted}`, uk: `зробіть першим рядком: ${MODELINE}<шлях до>/schemas/${wanted}` };
  if (!text.startsWith(MODELINE)) {
    const missing = {
      en: 'the file does not start with the yaml-language-server modeline, so editors cannot check it as you type',
      uk: 'файл не починається з рядка yaml-language-server, тож редактор не може перевіряти його під час набору',
    };
    return [makeFinding(RULES.missingModeline, file, { line: 1, col: 1 }, missing, fix)];
  }
  const end = text.indexOf('\n');
  const target = text.slice(MODELINE.length, end === -1 ? undefined : end).trim();
  if (target === wanted || target.endsWith(`/${wanted}`)) return [];
  const other = {
    en: `the modeline points to '${target}', but this file is checked against ${wanted}`,
    uk: `рядок yaml-language-server вказує на «${target}», а цей файл перевіряють за схемою ${wanted}`,
  };
  return [makeFinding(RULES.missingModeline, file, { line: 1, col: MODELINE.length + 1 }, other, fix)];
}
