/** The settings test, replay and export use, from the shared config (flags > env > file > defaults). */
import { isAbsolute, relative } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { Lang } from '../i18n.js';

export interface CheckSettings {
  readonly lang: Lang;
  readonly dataDir: string;
  /** The SOP folder, relative to the working directory when inside it (stable file names in output). */
  readonly sopsDir: string;
}

export function checkSettings(flags: { lang?: string; dataDir?: string; sops?: string }): CheckSettings {
  const config = loadConfig({
    flags: {
      ...(flags.lang !== undefined ? { lang: flags.lang } : {}),
      ...(flags.dataDir !== undefined ? { dataDir: flags.dataDir } : {}),
      ...(flags.sops !== undefined ? { sopsDir: flags.sops } : {}),
    },
  });
  const inside = relative(process.cwd(), config.sopsDir);
  const sopsDir = flags.sops ?? (inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? config.sopsDir : inside);
  return { lang: config.lang, dataDir: config.dataDir, sopsDir };
}
