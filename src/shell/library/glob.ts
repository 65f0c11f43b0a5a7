/**
 * Minimal glob support for quoted globs on the command line (`sop validate 'sops/**\/*.sop.yaml'`):
 * `*` (within a folder), `**` (any folders), `?`, `[abc]` and `{a,b}`. No dependency.
 */
export function isGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}

/** The leading folders without glob characters: where the walk starts. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isGlob(part)) break;
    base.push(part);
  }
  if (base.length === 0) return pattern.startsWith('/') ? '/' : '.';
  const joined = base.join('/');
  return joined === '' ? '/' : joined;
}

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        source += slashAfter ? '(?:[^/]*/)*' : '.*';
        i += slashAfter ? 2 : 1;
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += char.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
