/**
 * The catalogues of the tool's words: one Fluent file per language, locales/<tag>.ftl in the
 * installed package (docs/translating.md). Fluent because translators already work in it
 * (Pontoon, Weblate, Crowdin read .ftl), its plural rules are CLDR's through Intl.PluralRules
 * (one / few / many / other: what Ukrainian and Polish need), and @fluent/bundle has no
 * dependencies and downloads nothing.
 *
 * A language is read and parsed the first time a message is said in it (English too, as the
 * fallback, only when a key is missing): a command that says nothing reads no catalogue, and
 * no command reads more than its own language and English.
 */
import { FluentBundle, FluentNumber, FluentResource } from '@fluent/bundle';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { useCatalogues, type Catalogue } from '../core/model/message.js';

const SUFFIX = '.ftl';

let folder: string | undefined;
let languages: readonly string[] | undefined;
const loaded = new Map<string, Catalogue | undefined>();

/** Where the catalogues are (installCatalogues): locales/ beside the package's package.json. */
function localesDir(): string {
  return folder ?? '';
}

/** The tags there is a catalogue for, sorted (en.ftl, pl.ftl, uk.ftl -> en, pl, uk). */
export function catalogueLanguages(): readonly string[] {
  return (languages ??= readLocales()
    .filter((name) => name.endsWith(SUFFIX))
    .map((name) => name.slice(0, -SUFFIX.length))
    .sort());
}

function readLocales(): string[] {
  try {
    return readdirSync(localesDir());
  } catch {
    return [];
  }
}

/**
 * Makes say() find the catalogues in `locales` (the package's locales/: callers take it from
 * packageRoot). Called once, before the first word is said.
 */
export function installCatalogues(locales: string): void {
  folder = locales;
  languages = undefined;
  loaded.clear();
  useCatalogues(catalogueFor);
}

function catalogueFor(lang: string): Catalogue | undefined {
  if (!loaded.has(lang)) loaded.set(lang, catalogueLanguages().includes(lang) ? readCatalogue(lang) : undefined);
  return loaded.get(lang);
}

function readCatalogue(lang: string): Catalogue | undefined {
  const resource = compiledResource(lang) ?? parsedResource(lang);
  if (resource === undefined) return undefined;
  // No Unicode isolation marks around arguments: a terminal shows them as stray characters.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  bundle.addResource(resource);
  return {
    format(key, args) {
      const pattern = bundle.getMessage(key)?.value;
      if (pattern == null) return undefined;
      const values: Record<string, string | FluentNumber> = {};
      // Numbers as written ("line 1234", not "line 1,234"); still numbers for the plural rules.
      for (const [name, value] of Object.entries(args)) values[name] = typeof value === 'number' ? new FluentNumber(value, { useGrouping: false }) : value;
      const errors: Error[] = [];
      return bundle.formatPattern(pattern, values, errors);
    },
  };
}

function parsedResource(lang: string): FluentResource | undefined {
  try {
    return new FluentResource(readFileSync(join(localesDir(), `${lang}${SUFFIX}`), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The catalogue as the build parsed it (dist/locales/<lang>.json, scripts/build.mjs), when that is
 * not older than the .ftl: a catalogue added or edited since the build is read as written.
 */
function compiledResource(lang: string): FluentResource | undefined {
  const compiled = join(localesDir(), '..', 'dist', 'locales', `${lang}.json`);
  try {
    if (statSync(compiled).mtimeMs < statSync(join(localesDir(), `${lang}${SUFFIX}`)).mtimeMs) return undefined;
    // addResource reads only the body: the parsed messages, as FluentResource holds them.
    return JSON.parse(readFileSync(compiled, 'utf8')) as FluentResource;
  } catch {
    return undefined;
  }
}
