import { describe, expect, it } from 'vitest';
import { preCallNotices } from '../../src/shell/tui/pre-call-notices.js';

describe('preCallNotices', () => {
  it('writes what it is told as before and keeps each line without its "sop: " prefix', () => {
    const written: string[] = [];
    const notices = preCallNotices('uk', (text) => written.push(text));
    notices.warn('sop: the key is broken\nsop: answers are redacted only\n');
    notices.notice({ en: 'a purge was settled', uk: 'purge завершено' });
    expect(written).toEqual(['sop: the key is broken\nsop: answers are redacted only\n', 'sop: purge завершено\n']);
    expect(notices.lines).toEqual(['the key is broken', 'answers are redacted only', 'purge завершено']);
  });
});
