/** The settings test, replay and export use, from the shared config (flags > env > file > defaults). */
import { isAbsolute, relative } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { Lang } from '../i18n.js';

export interface CheckSettings {
  readonly lang: Lang;
  readonly dataDir: string;
  /** The SOP folder, relative to the working directory when inside it (stable file names in output). */
  readonly sopsDir: string;
  /** The SOP folder the configuration names (flag aside): replay also looks there for old versions. */
  readonly configuredSopsDir: string;
}

function shown(dir: string): string {
  const inside = relative(process.cwd(), dir);
  return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? dir : inside;
}

export async function checkSettings(flags: { lang?: string; dataDir?: string; sops?: string }): Promise<CheckSettings> {
  const config = await loadConfig({
    flags: {
      ...(flags.lang !== undefined ? { lang: flags.lang } : {}),
      ...(flags.dataDir !== undefined ? { dataDir: flags.dataDir } : {}),
      ...(flags.sops !== undefined ? { sopsDir: flags.sops } : {}),
    },
  });
  const sopsDir = flags.sops ?? shown(config.sopsDir);
  const configuredSopsDir = flags.sops === undefined ? sopsDir : shown((await loadConfig({ flags: { ...(flags.lang !== undefined ? { lang: flags.lang } : {}) } })).sopsDir);
  return { lang: config.lang, dataDir: config.dataDir, sopsDir, configuredSopsDir };
}
