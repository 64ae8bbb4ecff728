// The SQL console runs only statements that start like a read; the first keyword is found past comments.
import { describe, expect, it } from 'vitest';
import { assertReadingStatement, leadingKeyword, NotReadOnlyError } from '../../src/db/console-guard.ts';

describe('console guard', () => {
  it('finds the first keyword past blanks and comments', () => {
    expect(leadingKeyword('  select 1')).toBe('SELECT');
    expect(leadingKeyword('-- a note\n/* block\n */ detach published')).toBe('DETACH');
    expect(leadingKeyword('(SELECT 1) UNION (SELECT 2)')).toBe('(');
    expect(leadingKeyword('-- only a comment')).toBe('');
  });

  it('lets reads through and refuses the rest', () => {
    for (const sql of ['SELECT 1', 'with x as (select 1) select * from x', 'FROM cases', 'DESCRIBE cases', 'SUMMARIZE cases', 'SHOW TABLES', 'PRAGMA table_info(\'cases\')']) {
      expect(() => assertReadingStatement(sql), sql).not.toThrow();
    }
    for (const sql of ['DETACH published', "ATTACH OR REPLACE ':memory:' AS published", 'DROP VIEW cases', '/* x */ CREATE OR REPLACE VIEW cases AS SELECT 1', 'COMMIT', 'USE published', 'SET threads = 1', '']) {
      expect(() => assertReadingStatement(sql), sql).toThrow(NotReadOnlyError);
    }
  });
});
