/**
 * Where sop-runner keeps things, following the XDG base directory spec:
 *   config  $XDG_CONFIG_HOME/sop-runner  (~/.config/sop-runner)
 *   data    $XDG_DATA_HOME/sop-runner    (~/.local/share/sop-runner): journals
 *   cache   $XDG_CACHE_HOME/sop-runner   (~/.cache/sop-runner): parse cache, safe to delete
 * The data dir can be overridden by --data-dir, then SOP_DATA_DIR, then the config file.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const APP = 'sop-runner';

function xdg(env: NodeJS.ProcessEnv, variable: string, fallback: string[]): string {
  const value = env[variable];
  // The spec says relative values are invalid and must be ignored.
  if (value && isAbsolute(value)) return join(value, APP);
  return join(env['HOME'] || homedir(), ...fallback, APP);
}

function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return xdg(env, 'XDG_CONFIG_HOME', ['.config']);
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return xdg(env, 'XDG_DATA_HOME', ['.local', 'share']);
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return xdg(env, 'XDG_CACHE_HOME', ['.cache']);
}

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'config.yaml');
}
