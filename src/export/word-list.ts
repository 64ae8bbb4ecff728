// Node: the mojibake repair's word list (src/ingest/mojibake-words.ts), derived from the jieba dictionary
// that the npm package @node-rs/jieba installs (only its dict.txt is read; its segmenter is not used).
// The ETL publishes the derived list for the browser; Node entry points that ingest set it as the
// repair's source, read only if a garbled notice is met.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deriveWordList, setWordListSource, WORD_LIST_FILE } from '../ingest/mojibake-words.ts';

let derived: string | null = null;

/** The derived list (once per process). Throws, naming the package, if the dictionary is not installed. */
export function installedWordList(): string {
  if (derived !== null) return derived;
  let dictionary: string;
  try {
    dictionary = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'), 'utf8');
  } catch (error) {
    throw new Error(`${WORD_LIST_FILE}: the dictionary of @node-rs/jieba is not installed (run npm install)`, { cause: error });
  }
  derived = deriveWordList(dictionary);
  return derived;
}

/** Let the ingest of this process read the installed list when it first meets a garbled notice. */
export function useInstalledWordList(): void {
  setWordListSource(installedWordList);
}
