// Engine throughput: transitions per second through generated 10,000-step SOPs, against a bare
// loop over the same steps measured in the same run (the floor any interpreter pays: a lookup and
// a `next` per step). Rounds alternate baseline and engine, and ratios are per round, so load from
// other processes hits both sides alike. Bundles src/core/engine with esbuild into a temporary
// file, so it needs no build step.
//   node bench/engine.mjs      (about 20 s)
import { importSources } from './lib.mjs';

const STEPS = 10_000;
const ROUNDS = 25;

/** A chain of say steps, s0 -> s1 -> ... -> end. */
function sayChain() {
  const steps = {};
  for (let i = 0; i < STEPS; i++) steps[`s${i}`] = { kind: 'say', text: `Step ${i}`, next: i + 1 < STEPS ? `s${i + 1}` : 'end' };
  steps.end = { kind: 'end', outcome: 'done' };
  return { sop: 'chain', version: '1.0.0', title: 'Chain', languages: ['en'], start: 's0', outcomes: { done: { label: 'Done', category: 'informed' } }, steps };
}

/**
 * A realistic mix: ask steps (save, an option with set) and a checklist every 10th step, each
 * followed by a decide step with CEL conditions. One answer = 2 transitions (answer, decision).
 */
function mixed() {
  const steps = {};
  const n = STEPS / 2;
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `q${i + 1}` : 'end';
    steps[`q${i}`] =
      i % 10 === 9
        ? { kind: 'checklist', text: 'Signs?', save: 'signs', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], next: `d${i}` }
        : { kind: 'ask', text: 'Q?', save: 'last', options: [{ id: 'yes', label: 'Yes', set: { urgent: true } }, { id: 'no', label: 'No' }], next: `d${i}` };
    steps[`d${i}`] = {
      kind: 'decide',
      next: [
        { when: 'urgent && size(signs) >= 2 && count > 100', goto: 'end' },
        { when: 'last == "maybe"', goto: 'end' },
        { goto: next },
      ],
    };
  }
  steps.end = { kind: 'end', outcome: 'done' };
  return {
    sop: 'mixed',
    version: '1.0.0',
    title: 'Mixed',
    languages: ['en'],
    start: 'q0',
    variables: { urgent: { type: 'bool' }, signs: { type: 'list' }, last: { type: 'string' }, count: { type: 'int', default: 3 } },
    outcomes: { done: { label: 'Done', category: 'informed' } },
    steps,
  };
}

function libraryOf(sop) {
  return { sops: new Map([[sop.sop, { sop, file: `${sop.sop}.sop.yaml`, sha256: '', positionOf: () => undefined }]]) };
}

/**
 * Transitions per second of fn (which returns how many it made), by CPU time of this process
 * (user + system, all threads: GC included): on a machine shared with other work, wall time
 * mostly measures waiting for a core. Wall-time rates are kept too.
 */
function rate(fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const count = fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  return { cpu: count / ((cpu.user + cpu.system) / 1e6), wall: count / wall };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function main({ startCall, step }) {
  const chain = libraryOf(sayChain());
  const mix = libraryOf(mixed());
  const steps = chain.sops.get('chain').sop.steps;
  const mixSteps = mix.sops.get('mixed').sop.steps;
  let sink = 0;

  // Baseline: look the step up, take its next, until the end; 10 passes (the engine does 1).
  const baseline = () => {
    let count = 0;
    for (let pass = 0; pass < 10; pass++) {
      let id = 's0';
      for (;;) {
        const current = steps[id];
        if (current.kind === 'end') break;
        id = current.next;
        count++;
      }
      sink += id.length;
    }
    return count;
  };

  const cont = { type: 'answer', answer: { kind: 'continue' } };
  const sayRun = () => {
    let state = startCall(chain, 'chain').state;
    let count = 0;
    while (state.status === 'active') {
      state = step(chain, state, cont).state;
      count++;
    }
    sink += state.path.length;
    return count;
  };

  const no = { type: 'answer', answer: { kind: 'option', option: 'no' } };
  const tickA = { type: 'answer', answer: { kind: 'checked', options: ['a'] } };
  const mixedRun = () => {
    let state = startCall(mix, 'mixed').state;
    let count = 0;
    while (state.status === 'active') {
      const top = state.frames[state.frames.length - 1];
      const result = step(mix, state, mixSteps[top.step].kind === 'ask' ? no : tickA);
      if (!result.ok) throw new Error(result.refusal.message.en);
      state = result.state;
      count += 2;
    }
    return count;
  };

  // A correction, the way counsellors use back: back one step and answer again (amend), at
  // every step of the chain. 2 commands per step. The states are built in its own phase.
  const back = { type: 'back' };
  let states = [];
  const correctRun = () => {
    let count = 0;
    for (let i = 1; i < states.length; i++) {
      const undone = step(chain, states[i], back);
      const again = step(chain, undone.state, cont);
      if (!again.ok || again.events[0].type !== 'amend') throw new Error('expected an amend');
      count += 2;
    }
    return count;
  };

  // One phase per measure (so one measure's garbage does not land on another), each round
  // timing the baseline right before the measure; ratios are per round.
  const results = {};
  const ratios = {};
  const walls = {};
  for (const [name, run] of [['say', sayRun], ['mixed', mixedRun], ['correct', correctRun]]) {
    if (name === 'correct') {
      for (let state = startCall(chain, 'chain').state; state.status === 'active'; state = step(chain, state, cont).state) states.push(state);
    }
    const own = [];
    const base = [];
    const wall = [];
    for (let round = 0; round < ROUNDS; round++) {
      base.push(rate(baseline).cpu);
      const measured = rate(run);
      own.push(measured.cpu);
      wall.push(measured.wall);
    }
    states = [];
    results[name] = own.slice(5);
    results[`baseline-${name}`] = base.slice(5);
    ratios[name] = own.slice(5).map((value, i) => value / base[i + 5]);
    walls[name] = wall.slice(5);
  }
  const fmt = (n) => `${Math.round(n).toLocaleString('en-US')}/s`;
  const base = median([...results['baseline-say'], ...results['baseline-mixed'], ...results['baseline-correct']]);
  console.log(`engine: ${STEPS.toLocaleString('en-US')}-step SOPs, ${ROUNDS} rounds per measure (5 warm-up), medians by CPU time; node ${process.version}`);
  console.log(`  baseline: bare loop (lookup + next)       ${fmt(base)}`);
  for (const [name, label] of [
    ['say', 'say chain, step() per transition'],
    ['mixed', 'ask/checklist + CEL decide       '],
    ['correct', 'back + amend (commands)         '],
  ]) {
    const value = median(results[name]);
    console.log(`  ${label}        ${fmt(value)}  = ${median(ratios[name]).toFixed(4)} x baseline (best ${fmt(Math.max(...results[name]))}; wall ${fmt(median(walls[name]))})`);
  }
  const met = median(results.say) >= 1e6 && median(results.mixed) >= 1e6;
  console.log(`  target >= 1,000,000 transitions/s (CPU-time medians): ${met ? 'met' : 'NOT met on this run'}`);
  const os = await import('node:os');
  console.log(`  load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);
  if (sink === -1) console.log('');
}

await main(await importSources(["export * from './src/core/engine/index.ts';"]));
