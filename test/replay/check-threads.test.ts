/** How many worker threads `sop replay --check` starts (workerThreads). */
import { describe, expect, it } from 'vitest';
import { workerThreads } from '../../src/shell/replay/check-sources.js';

const large = { bytes: 128_000_000, files: 10 };

describe('workerThreads', () => {
  it('uses every other core for a large run, however busy the machine was a minute ago', () => {
    expect(workerThreads({ ...large, cores: 2 })).toBe(1);
    expect(workerThreads({ ...large, cores: 4 })).toBe(3);
  });

  it('starts none for a small run, on one core, or for a single file', () => {
    expect(workerThreads({ bytes: 1_000_000, files: 10, cores: 8 })).toBe(0);
    expect(workerThreads({ ...large, cores: 1 })).toBe(0);
    expect(workerThreads({ bytes: 128_000_000, files: 1, cores: 8 })).toBe(0);
  });

  it('never more than one per file besides this thread, nor more than seven', () => {
    expect(workerThreads({ bytes: 128_000_000, files: 3, cores: 16 })).toBe(2);
    expect(workerThreads({ bytes: 128_000_000, files: 100, cores: 64 })).toBe(7);
  });

  it('SOP_REPLAY_WORKERS=N forces N (0: none), whatever the size; other values are ignored', () => {
    expect(workerThreads({ ...large, cores: 2, setting: '0' })).toBe(0);
    expect(workerThreads({ bytes: 10, files: 5, cores: 1, setting: '3' })).toBe(3);
    expect(workerThreads({ ...large, cores: 2, setting: 'many' })).toBe(1);
    expect(workerThreads({ ...large, cores: 2, setting: '-1' })).toBe(1);
  });
});
