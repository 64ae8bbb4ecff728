// A document the published dataset does not have, assembled from a real one: Shaanxi's 2022 second batch
// (data/raw) re-dated as a 2024 fourth batch, so the ingest reads it as a new document with new case ids.
// Used by the import unit tests and the end-to-end import test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const RAW = resolve(import.meta.dirname, '../../data/raw');

/** The raw text of the source document of Shaanxi's 2022 second batch (found by its content, not its name). */
export function shaanxiBatchText(): string {
  for (const name of readdirSync(RAW).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(RAW, name), 'utf8');
    if (/陕西省推出2022年第二批/.test(text)) return text;
  }
  throw new Error(`no Shaanxi 2022 second-batch document in ${RAW}`);
}

/** The same announcement, re-dated: another year and batch in its title and publish date. */
export function madeUpDocument(): { name: string; text: string; bytes: Uint8Array } {
  const text = shaanxiBatchText()
    .replace(/陕西省推出2022年第二批/g, '陕西省推出2024年第四批')
    .replace(/发布时间:2022-08-08/g, '发布时间:2024-09-18')
    .replace(/今年第二批/g, '今年第四批');
  return { name: '陕西2024第四批-试导入.txt', text, bytes: new TextEncoder().encode(text) };
}
