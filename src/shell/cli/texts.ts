/** Help texts several command definitions share, as `{ en, uk }` pairs, so each is translated once. */
import type { Message } from '../i18n.js';
import { msg } from '../../core/model/message.js';

export const OUTPUT_FORMAT: Message = msg('cli-texts-output-format');
export const LANG_OF_MESSAGES: Message = msg('cli-texts-lang-of-messages');
export const LANG_OF_SCREENS: Message = msg('cli-texts-lang-of-screens');
export const DATA_DIR: Message = msg('cli-texts-data-dir');
export const SOPS_FOLDER: Message = msg('cli-texts-sops-folder');
export const SOPS_CONFIGURED: Message = msg('cli-texts-sops-configured');
export const SOP_ARGUMENT: Message = msg('cli-texts-sop-argument');
export const OUTPUT_FILE: Message = msg('cli-texts-output-file');
export const DB_URL: Message = msg('cli-texts-db-url');
export const DB_READ: Message = msg('cli-texts-db-read');
export const WIDE: Message = msg('cli-texts-wide');
