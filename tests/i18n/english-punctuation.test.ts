// The UI's font stack starts with a Chinese font (styles.css), whose curly quotes and apostrophes are full-width: in
// an English string they stand apart from the words (Counts in “ items ”, the document’ s). English strings use the
// straight ones, which every font draws narrow.
import { describe, expect, it } from 'vitest';
import { DICT } from '../../src/i18n/dict.ts';

describe('English UI strings', () => {
  it('use straight quotes and apostrophes, never curly ones', () => {
    const curly = Object.entries(DICT as Record<string, { en: string }>).filter(([, text]) => /[‘’“”]/u.test(text.en)).map(([key, text]) => `${key}: ${text.en}`);
    expect(curly).toEqual([]);
  });
});
