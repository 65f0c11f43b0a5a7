/** How many worker threads `sop replay --check` starts (workerThreads). */
import { describe, expect, it } from 'vitest';
import { workerThreads } from '../../src/shell/replay/check-sources.js';

const large = { bytes: 128_000_000, files: 10 };

describe('workerThreads', () => {
  it('uses the other cores that were idle just now for a large run', () => {
    expect(workerThreads({ ...large, cores: 2, idle: 0.9 })).toBe(1);
    expect(workerThreads({ ...large, cores: 2, idle: 0.6 })).toBe(1);
    // The idle counters tick every 10 ms and this process's own compiler and GC threads take some.
    expect(workerThreads({ ...large, cores: 2, idle: 0.4 })).toBe(1);
    expect(workerThreads({ ...large, cores: 4, idle: 2.8 })).toBe(3);
    expect(workerThreads({ ...large, cores: 4, idle: 1.7 })).toBe(2);
    expect(workerThreads({ ...large, cores: 4, idle: 1.2 })).toBe(1);
  });

  it('starts none when other programs keep the other cores busy', () => {
    expect(workerThreads({ ...large, cores: 2, idle: 0 })).toBe(0);
    expect(workerThreads({ ...large, cores: 2, idle: 0.33 })).toBe(0);
    expect(workerThreads({ ...large, cores: 8, idle: 0.2 })).toBe(0);
  });

  it('never more than the other cores, even when the idle counters say more (they tick every 10 ms)', () => {
    expect(workerThreads({ ...large, cores: 2, idle: 1.4 })).toBe(1);
  });

  it('uses every other core when how idle they are is not known', () => {
    expect(workerThreads({ ...large, cores: 2 })).toBe(1);
    expect(workerThreads({ ...large, cores: 4 })).toBe(3);
  });

  it('starts none for a small run, on one core, or for a single file', () => {
    expect(workerThreads({ bytes: 1_000_000, files: 10, cores: 8, idle: 7 })).toBe(0);
    expect(workerThreads({ ...large, cores: 1, idle: 1 })).toBe(0);
    expect(workerThreads({ bytes: 128_000_000, files: 1, cores: 8, idle: 7 })).toBe(0);
  });

  it('never more than one per file besides this thread, nor more than seven', () => {
    expect(workerThreads({ bytes: 128_000_000, files: 3, cores: 16, idle: 15 })).toBe(2);
    expect(workerThreads({ bytes: 128_000_000, files: 100, cores: 64, idle: 63 })).toBe(7);
  });

  it('SOP_REPLAY_WORKERS=N forces N (0: none), whatever the size and the load; other values are ignored', () => {
    expect(workerThreads({ ...large, cores: 2, idle: 1, setting: '0' })).toBe(0);
    expect(workerThreads({ bytes: 10, files: 5, cores: 1, idle: 0, setting: '3' })).toBe(3);
    expect(workerThreads({ ...large, cores: 2, idle: 1, setting: 'many' })).toBe(1);
    expect(workerThreads({ ...large, cores: 2, idle: 0, setting: '-1' })).toBe(0);
  });
});
