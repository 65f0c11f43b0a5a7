import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/shell/config/load-config.js';
import { UserError } from '../../src/shell/exit-codes.js';
import { tempDir } from '../journal/helpers.js';

/** A home with an XDG config dir and an empty working dir; `config` is written as config.yaml. */
function setup(config?: string) {
  const root = tempDir();
  const xdg = join(root, 'xdg');
  const cwd = join(root, 'work');
  mkdirSync(join(xdg, 'sop-runner'), { recursive: true });
  mkdirSync(cwd);
  const file = join(xdg, 'sop-runner', 'config.yaml');
  if (config !== undefined) writeFileSync(file, config);
  const env = { HOME: join(root, 'home'), XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: join(root, 'data'), USER: 'counsellor' };
  return { root, cwd, file, env };
}

describe('loadConfig', () => {
  it('uses defaults when there is no config file', async () => {
    const { root, cwd, file, env } = setup();
    const config = await loadConfig({ env, cwd });
    expect(config).toMatchObject({
      lang: 'en',
      operator: 'anonymous', // never the login name (USER above)
      dataDir: join(root, 'data', 'sop-runner'),
      configFile: file,
      sources: { lang: 'default', operator: 'default', dataDir: 'default', sopsDir: 'default' },
    });
    // No ./sops here: the library shipped with the package.
    expect(config.sopsDir).toBe(join(import.meta.dirname, '..', '..', 'sops'));
    expect(config.publicKey).toBeUndefined();
  });

  it('prefers ./sops when the working directory has one', async () => {
    const { cwd, env } = setup();
    mkdirSync(join(cwd, 'sops'));
    expect(await loadConfig({ env, cwd })).toMatchObject({ sopsDir: join(cwd, 'sops'), sources: { sopsDir: 'default' } });
  });

  it('takes the config file over defaults and LANG, resolving its relative paths from its folder', async () => {
    const { cwd, file, env } = setup('language: uk\noperator: olena\ndata_dir: ../journals\nsops_dir: ~/library\npublic_key: keys/hotline.pub\n');
    const config = await loadConfig({ env: { ...env, LANG: 'en_GB.UTF-8' }, cwd });
    const source = `config file ${file}`;
    expect(config).toEqual({
      lang: 'uk',
      operator: 'olena',
      dataDir: join(file, '..', '..', 'journals'),
      sopsDir: join(env.HOME, 'library'),
      publicKey: 'keys/hotline.pub',
      configFile: file,
      sources: { lang: source, operator: source, dataDir: source, sopsDir: source, publicKey: source },
    });
  });

  it('takes the environment over the config file (LANG only over the default)', async () => {
    const { cwd, env } = setup('operator: olena\ndata_dir: /srv/a\n');
    const config = await loadConfig({ env: { ...env, SOP_DATA_DIR: '/srv/b', SOP_OPERATOR: 'petro', SOP_SOPS_DIR: 'lib', LANG: 'uk_UA.UTF-8' }, cwd });
    expect(config).toMatchObject({
      lang: 'uk',
      operator: 'petro',
      dataDir: '/srv/b',
      sopsDir: join(cwd, 'lib'),
      sources: { lang: 'env', operator: 'env', dataDir: 'env', sopsDir: 'env' },
    });
  });

  it('takes flags over everything', async () => {
    const { cwd, env } = setup('language: uk\noperator: olena\ndata_dir: /srv/a\n');
    const config = await loadConfig({
      flags: { lang: 'en', operator: 'marta', dataDir: 'here', sopsDir: '/lib' },
      env: { ...env, SOP_DATA_DIR: '/srv/b', SOP_OPERATOR: 'petro' },
      cwd,
    });
    expect(config).toMatchObject({
      lang: 'en',
      operator: 'marta',
      dataDir: join(cwd, 'here'),
      sopsDir: '/lib',
      sources: { lang: 'flag', operator: 'flag', dataDir: 'flag', sopsDir: 'flag' },
    });
  });

  it('refuses an unsupported --lang', async () => {
    const { cwd, env } = setup();
    await expect(loadConfig({ flags: { lang: 'fr' }, env, cwd })).rejects.toThrow(UserError);
  });

  it('explains each kind of bad config file with file:line:col (fixtures/errors.txt)', async () => {
    const expected = readFileSync(join(import.meta.dirname, 'fixtures', 'errors.txt'), 'utf8').trim().split('\n');
    for (const line of expected) {
      const name = line.slice(0, line.indexOf(':'));
      const { cwd, file, env } = setup();
      copyFileSync(join(import.meta.dirname, 'fixtures', name), file);
      let error: unknown;
      try {
        await loadConfig({ env, cwd });
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as Error).message.startsWith(`${file}${line.slice(name.length)}`), `${name}: ${(error as Error).message}`).toBe(true);
    }
  });

  it('tells a bad config file in Ukrainian when LANG or --lang says so', async () => {
    const { cwd, file, env } = setup('language: uk\nbogus: 1\n');
    await expect(loadConfig({ env: { ...env, LANG: 'uk_UA.UTF-8' }, cwd })).rejects.toThrow(`${file}:2:1: невідомий ключ «bogus».`);
    await expect(loadConfig({ flags: { lang: 'uk' }, env, cwd })).rejects.toThrow('Відомі ключі: language');
    await expect(loadConfig({ env, cwd })).rejects.toThrow('unknown key "bogus"');
  });
});
