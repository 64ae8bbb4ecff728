// Checking the published database file before DuckDB attaches it, so a broken deploy gets an error that
// names the file and what is wrong ("HTTP 404", "not a DuckDB database file") instead of DuckDB's
// "database does not exist".

/** A data file that could not be loaded; the message starts with the file name. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataFileError';
  }
}

/** A DuckDB database file starts with an 8-byte checksum, then the magic bytes "DUCK". */
export function isDuckDbFile(head: Uint8Array): boolean {
  return head.length >= 12 && head[8] === 0x44 && head[9] === 0x55 && head[10] === 0x43 && head[11] === 0x4b;
}

/** Its first bytes, by a Range request; a server that ignores Range sends the whole file: read just the start. */
async function firstBytes(response: Response, count: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()).subarray(0, count);
  const head = new Uint8Array(count);
  let filled = 0;
  while (filled < count) {
    const { done, value } = await reader.read();
    if (done) break;
    const take = value.subarray(0, count - filled);
    head.set(take, filled);
    filled += take.length;
  }
  await reader.cancel().catch(() => undefined);
  return head.subarray(0, filled);
}

/** Throws a DataFileError when `url` cannot be fetched or is not a DuckDB database file. */
export async function checkDatabaseFile(url: string, name: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Range: 'bytes=0-15' } });
  } catch (error) {
    throw new DataFileError(name, `cannot be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw new DataFileError(name, `HTTP ${response.status}`);
  if (!isDuckDbFile(await firstBytes(response, 16))) throw new DataFileError(name, 'not a DuckDB database file');
}
