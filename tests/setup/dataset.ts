// vitest globalSetup: the dataset every data and e2e test reads is made (or refreshed) once, before any
// test file starts.
import { ensureDataset } from '../helpers/dataset.ts';

export default async function setup(): Promise<void> {
  await ensureDataset();
}
