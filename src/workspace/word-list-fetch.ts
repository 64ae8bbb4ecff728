// The word list of the mojibake repair (src/ingest/mojibake-words.ts) in the browser: fetched from the
// app's own public/data/ (the export writes it there) only when a file to import has a garbled line — it is
// 626 KB (311 KB brotli) and most notices never need it. Without it (not published, offline) the repair
// reads on the notice's own text alone, as it does for any text when the list is missing.
import { hasGarbledLine } from '../ingest/mojibake.ts';
import { provideWordList, WORD_LIST_FILE, wordList } from '../ingest/mojibake-words.ts';
import { dataUrl } from '../db/data-url.ts';
import { documentText } from '../ingest/read-document.ts';

/** A file's text as the ingest reads it (a web page's or Word file's too); '' when it cannot be read. */
function textOf(bytes: Uint8Array): string {
  try {
    return documentText('', bytes).text;
  } catch {
    return ''; // the ingest names what is wrong with it
  }
}

export async function loadWordListFor(files: { bytes: Uint8Array }[]): Promise<void> {
  if (wordList()) return;
  if (!files.some((f) => hasGarbledLine(textOf(f.bytes)))) return;
  try {
    const response = await fetch(dataUrl(WORD_LIST_FILE));
    if (response.ok) provideWordList(await response.text());
  } catch {
    // Offline or not published: the repair goes on without general word evidence.
  }
}
