// Where the tests find the project, the source documents and the exported dataset.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RAW_DIR = path.join(ROOT, 'data/raw');
/** What `npm run etl` writes and the app loads. */
export const DATA_DIR = path.join(ROOT, 'public/data');
