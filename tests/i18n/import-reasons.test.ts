// Every reason a file cannot be imported — the ingest's (a damaged, encrypted or unsupported file…) and the
// import's own — is said in both UI languages, naming the file.
import { describe, expect, it } from 'vitest';
import { DICT, type DictKey } from '../../src/i18n/dict.ts';
import { FAILURE_REASONS } from '../../src/ingest/errors.ts';
import type { ImportFailureReason } from '../../src/workspace/import-doc.ts';

const IMPORT_ONLY: ImportFailureReason[] = ['too_large', 'already_loaded', 'crashed'];

describe('import failure reasons', () => {
  it.each([...FAILURE_REASONS, ...IMPORT_ONLY])('%s has a text in Chinese and English naming the file', (reason) => {
    const entry = DICT[`pre.reason.${reason}` as DictKey] as { zh: string; en: string } | undefined;
    expect(entry, reason).toBeDefined();
    expect(entry!.zh).toMatch(/^\{file\}：\p{Script=Han}/u);
    expect(entry!.en).toMatch(/^\{file\}: [a-z]/);
  });
});
