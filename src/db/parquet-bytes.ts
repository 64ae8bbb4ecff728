// Recognising Parquet bytes, without the decoder: the page checks a download before handing it to the
// decoder worker (decode.ts), and a module this small keeps hyparquet out of the page's own bundle.

/** Thrown for bytes that are not a Parquet file (e.g. an HTML page served in its place). */
export class NotParquetError extends Error {}

const PAR1 = [0x50, 0x41, 0x52, 0x31];

export function isParquet(bytes: ArrayBuffer): boolean {
  if (bytes.byteLength < 12) return false;
  const head = new Uint8Array(bytes, 0, 4);
  const tail = new Uint8Array(bytes, bytes.byteLength - 4, 4);
  return PAR1.every((b, i) => head[i] === b && tail[i] === b);
}
