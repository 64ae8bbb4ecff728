// The file formats a notice can be read from (read-document.ts tells them by content): their file names, for
// the import's file picker and the ETL's directory listing. No imports, so the page can name them cheaply.

export const DOCUMENT_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.pdf'] as const;

/** The file picker's accept list: the extensions and their media types. */
export const IMPORT_ACCEPT = [
  ...DOCUMENT_EXTENSIONS,
  'text/plain',
  'text/html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
].join(',');

export function hasDocumentExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
