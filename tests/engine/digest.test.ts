import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSha256 } from '../../src/engine/digest.ts';

describe('computeSha256', () => {
  it.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'Soleimani – “Qassem” 😀'.repeat(40)])(
    'matches node:crypto for %#',
    (text) => {
      expect(computeSha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    },
  );
});
