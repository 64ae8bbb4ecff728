// A small static server for the built app (dist/): correct MIME types (application/wasm), HTTP Range
// (`Range: bytes=0-0` → 206 with one byte; Vite's preview server answers it with the whole file) with
// ETag / If-Range, precompressed .br / .gz siblings when the client accepts them, and the security
// headers (Content-Security-Policy …). A file that cannot be read fails its request, never the server. Used by the e2e tests and the
// benchmark. CLI: tsx scripts/serve.ts [--port 8080] [--root dist] [--data dir-to-serve-as-/data]
import { open, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface ServeOptions {
  /** Directory to serve (default dist/). */
  root: string;
  /** Port; 0 picks a free one. */
  port?: number;
  host?: string;
  /** Serve /data/* from this directory instead of root/data (e.g. a synthetic dataset). */
  dataDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close: () => Promise<void>;
}

/**
 * What the app needs and nothing more (measured in Chromium: no violation while walking every view):
 * its own scripts, DuckDB-wasm's WebAssembly ('wasm-unsafe-eval') and worker, data:/blob: images (PNG
 * downloads, the empty favicon), inline style attributes set by React and ECharts. Nothing may be fetched
 * from, posted to or framed by another origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every answer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Request lines and headers up to this size are accepted (Node's default is 16 KB, which a long SQL
 * console link can pass; the app itself keeps links far below it).
 */
export const MAX_HEADER_BYTES = 64 * 1024;

/**
 * The Range header as RFC 9110 §14.2 wants it read: one `bytes=` range → that range, or 'unsatisfiable'
 * (→ 416); anything else — another unit, several ranges, a malformed value — is ignored (→ null, 200 with
 * the whole file). Several ranges would need a multipart answer, which DuckDB never asks for.
 */
export function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    // suffix range: the last N bytes
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null; // last < first: invalid, so ignored
  }
  if (start > end || start >= size) return 'unsatisfiable';
  return { start, end };
}

/** A strong validator from size and modification time (what nginx does): changes whenever the file does. */
export function entityTag(size: number, mtime: Date, encoding = ''): string {
  return `"${size.toString(16)}-${Math.floor(mtime.getTime()).toString(16)}${encoding ? `-${encoding}` : ''}"`;
}

/** The path part of a request target, '/'-rooted; null for targets that are not a path (e.g. `*`). */
export function requestPath(target: string): string | null {
  // Not `new URL(target, base)`: a target like `//?view=cases` would be read as a host name and throw.
  const path = target.split(/[?#]/, 1)[0];
  if (path.startsWith('/')) return path;
  if (/^https?:\/\//i.test(path)) {
    try {
      return new URL(path).pathname;
    } catch {
      return null;
    }
  }
  return null;
}

/** Map a URL path to a file under root (or dataDir for /data/), refusing anything outside them. */
function resolvePath(options: ServeOptions, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const [base, rest] = options.dataDir && path.startsWith('/data/') ? [resolve(options.dataDir), path.slice('/data/'.length)] : [resolve(options.root), path];
  const full = resolve(base, normalize(`.${sep}${rest}`));
  return full === base || full.startsWith(base + sep) ? full : null;
}

/** An opened regular file: its descriptor and what fstat says of it (the very file that will be sent). */
interface OpenFile {
  handle: FileHandle;
  size: number;
  mtime: Date;
}

/** Open a regular file; null if it is missing or not a file; other errors (unreadable) are thrown. */
async function openFile(path: string): Promise<OpenFile | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }
  const s = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (!s.isFile()) {
    await handle.close();
    return null;
  }
  return { handle, size: s.size, mtime: s.mtime };
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

/** Stream (part of) an opened file; a read error mid-way ends the connection, never the server. */
function sendFile(res: ServerResponse, file: OpenFile, range?: { start: number; end: number }): void {
  const stream = file.handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  stream.on('error', (error) => {
    console.warn(`serve: read failed: ${error.message}`);
    res.destroy(error);
  });
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** Does an If-Range value still name this file (strong ETag, or its exact Last-Modified date)? */
function ifRangeMatches(value: string, etag: string, mtime: Date): boolean {
  if (value.startsWith('"')) return value === etag;
  if (value.startsWith('W/')) return false;
  const date = Date.parse(value);
  return Number.isFinite(date) && Math.floor(date / 1000) === Math.floor(mtime.getTime() / 1000);
}

async function handle(options: ServeOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  const urlPath = requestPath(req.url ?? '/');
  if (urlPath === null) return plain(res, 400, 'Bad request');
  const path = resolvePath(options, urlPath);
  const file = path ? await openFile(path) : null;
  if (!path || !file) return plain(res, 404, 'Not found');
  let sending: OpenFile | null = file;
  try {
    const etag = entityTag(file.size, file.mtime);
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      'Last-Modified': file.mtime.toUTCString(),
      ETag: etag,
      // Hashed build assets never change; everything else is revalidated.
      'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    const rangeHeader = req.headers.range;
    const ifRange = req.headers['if-range']?.toString();
    const range = typeof rangeHeader === 'string' && (!ifRange || ifRangeMatches(ifRange, etag, file.mtime)) ? parseRange(rangeHeader, file.size) : null;
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.size}` }).end();
      return;
    }
    if (range) {
      headers['Content-Range'] = `bytes ${range.start}-${range.end}/${file.size}`;
      headers['Content-Length'] = range.end - range.start + 1;
      res.writeHead(206, headers);
      if (req.method === 'HEAD') return void res.end();
      sendFile(res, file, range);
      sending = null; // the stream closes the file
      return;
    }
    // Whole file: prefer a precompressed sibling the client accepts.
    const accept = String(req.headers['accept-encoding'] ?? '');
    headers['Vary'] = 'Accept-Encoding';
    for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
      if (!new RegExp(`\\b${encoding}\\b`).test(accept)) continue;
      const compressed = await openFile(path + ext).catch(() => null);
      if (compressed) {
        await file.handle.close();
        sending = compressed;
        headers['Content-Encoding'] = encoding;
        headers['ETag'] = entityTag(file.size, file.mtime, encoding);
        break;
      }
    }
    if (req.headers['if-none-match'] === headers['ETag']) {
      res.writeHead(304, headers).end();
      return;
    }
    headers['Content-Length'] = sending.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    sendFile(res, sending);
    sending = null;
  } finally {
    if (sending) await sending.handle.close();
  }
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      // An unreadable file (permissions, I/O error): this request fails, the server goes on.
      console.warn(`serve: ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) plain(res, 500, 'Internal server error');
      else res.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://${options.host ?? '127.0.0.1'}:${port}`,
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

// CLI
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = resolve(arg('root') ?? join(process.cwd(), 'dist'));
  startServer({ root, port: Number(arg('port') ?? 8080), host: arg('host') ?? '127.0.0.1', dataDir: arg('data') }).then((s) =>
    console.log(`serving ${root} at ${s.url}`),
  );
}
