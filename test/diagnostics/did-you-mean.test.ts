import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../compiler/diagnostics/did-you-mean.js';

describe('did-you-mean', () => {
  it('counts insertions, deletions, substitutions and transpositions as one edit each', () => {
    expect(editDistance('send', 'send')).toBe(0);
    expect(editDistance('sned', 'send')).toBe(1);
    expect(editDistance('consme', 'consume')).toBe(1);
    expect(editDistance('queu', 'queue')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only close words', () => {
    expect(closest('consme', ['consume', 'send'])).toBe('consume');
    expect(closest('sned', ['consume', 'send'])).toBe('send');
    expect(closest('publish', ['consume', 'send'])).toBeUndefined();
  });
});
