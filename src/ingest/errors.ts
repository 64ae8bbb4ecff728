// The one error the ingest throws: a document it cannot read, named with the reason (a code the app says in
// its own language, src/i18n) and a detail in English (what exactly is wrong, where).

export type FailureReason =
  | 'empty'
  | 'binary'
  | 'not_utf8'
  | 'no_cases'
  | 'duplicate_file'
  | 'unreadable'
  /** A web page, Word file… that is damaged or incomplete. */
  | 'malformed'
  /** A password-protected (encrypted) file. */
  | 'encrypted'
  /** A format the ingest does not read (a Word 97–2003 .doc, a PDF, a web archive…). */
  | 'unsupported'
  /** A compressed part that would inflate beyond the reader's bound (a zip bomb, or no notice). */
  | 'oversized';

const REASON_TEXT: Record<FailureReason, string> = {
  empty: 'empty file',
  binary: 'binary file, not text',
  not_utf8: 'not UTF-8 text',
  no_cases: 'no cases found',
  duplicate_file: 'same bytes as another input',
  unreadable: 'cannot be read',
  malformed: 'damaged or incomplete file',
  encrypted: 'password-protected file',
  unsupported: 'format not supported',
  oversized: 'content too large',
};

/** Every reason, for whoever says them in another language (src/i18n: one text per reason). */
export const FAILURE_REASONS = Object.keys(REASON_TEXT) as FailureReason[];

/** A document the ingest cannot read. The message names the file and the reason. */
export class IngestError extends Error {
  readonly sourceFile: string;
  readonly reason: FailureReason;
  readonly detail: string;

  constructor(sourceFile: string, reason: FailureReason, detail: string) {
    super(`${sourceFile}: ${REASON_TEXT[reason]} (${detail})`);
    this.name = 'IngestError';
    this.sourceFile = sourceFile;
    this.reason = reason;
    this.detail = detail;
  }
}
