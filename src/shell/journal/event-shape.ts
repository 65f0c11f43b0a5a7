/**
 * The fields each line type must carry, with their JSON types. A line whose envelope is fine but
 * whose payload is not (edited by hand, damaged on disk) is not a journal record: readers skip it
 * with a notice and verify reports it, instead of every reader tripping over a missing field.
 * (Found by the fuzz test in test/security/fuzz.test.ts.) Unknown types pass: later versions may
 * add some.
 */
type Check = (value: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const strings: Check = (v) => Array.isArray(v) && v.every(str);
const array: Check = (v) => Array.isArray(v);
const present: Check = (v) => v !== undefined;

const answer: Check = (v) => {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  switch (a['kind']) {
    case 'continue':
      return true;
    case 'option':
      return str(a['option']);
    case 'checked':
      return strings(a['options']);
    case 'value':
      return str(a['raw']);
    default:
      return false;
  }
};

/** A shape as a list of [field, check] pairs, listed once rather than per line checked. */
type Shape = readonly (readonly [string, Check])[];

const RECORD_FIELDS = { step: str, answer, value: present, sensitive: bool };
const RECORD: Shape = Object.entries(RECORD_FIELDS);
const record: Check = (v) => typeof v === 'object' && v !== null && fits(v as Record<string, unknown>, RECORD);

const FIELDS: Record<string, Record<string, Check>> = {
  'session-start': { sop: str, version: str, files: array, operator: str, lang: str, tool: str, mode: (v) => v === 'live' || v === 'training' },
  'session-end': { outcome: str, referrals: strings, durationMs: num },
  interrupted: { reason: str, step: str },
  'step-shown': { step: str, kind: str },
  answer: RECORD_FIELDS,
  amend: { ...RECORD_FIELDS, original: record },
  back: { from: str, to: str },
  note: { step: str, text: str },
  interrupt: { key: str, from: str, to: str },
  decision: { step: str, branch: num, to: str },
  'sop-entered': { sop: str, from: str },
  'sop-returned': { sop: str, outcome: str },
  'call-ended': { outcome: str, referrals: strings },
  'loss-accepted': { by: str, loss: (v) => typeof v === 'object' && v !== null && !Array.isArray(v) },
};

const SHAPES = new Map<string, Shape>(Object.entries(FIELDS).map(([type, fields]) => [type, Object.entries(fields)]));

function fits(value: Record<string, unknown>, shape: Shape): boolean {
  for (const [key, check] of shape) if (!check(value[key])) return false;
  return true;
}

/** Whether a line's payload has the fields its `type` needs. */
export function hasEventShape(line: Record<string, unknown>): boolean {
  const shape = SHAPES.get(String(line['type']));
  return shape === undefined || fits(line, shape);
}
