// A small static server for the built app (dist/): correct MIME types (application/wasm), HTTP Range
// (`Range: bytes=0-0` → 206 with one byte; Vite's preview server answers it with the whole file),
// and precompressed .br / .gz siblings when the client accepts them. Used by the e2e tests and the
// benchmark. CLI: tsx scripts/serve.ts [--port 8080] [--root dist] [--data dir-to-serve-as-/data]
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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

/** Parse a single `bytes=` range against a file size; null = not satisfiable. */
export function parseRange(header: string, size: number): { start: number; end: number } | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    // suffix range: the last N bytes
    const n = Number(m[2]);
    if (n === 0) return null;
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return null;
  return { start, end };
}

async function fileInfo(path: string): Promise<{ size: number; mtime: Date } | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { size: s.size, mtime: s.mtime } : null;
  } catch {
    return null;
  }
}

/** Map a URL path to a file under root (or dataDir for /data/), refusing anything outside them. */
function resolvePath(options: ServeOptions, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.endsWith('/')) path += 'index.html';
  const [base, rest] = options.dataDir && path.startsWith('/data/') ? [resolve(options.dataDir), path.slice('/data/'.length)] : [resolve(options.root), path];
  const full = resolve(base, normalize(`.${sep}${rest}`));
  return full === base || full.startsWith(base + sep) ? full : null;
}

async function handle(options: ServeOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = resolvePath(options, url.pathname);
  const info = path ? await fileInfo(path) : null;
  if (!path || !info) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const headers: Record<string, string | number> = {
    'Content-Type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Last-Modified': info.mtime.toUTCString(),
    // Hashed build assets never change; everything else is revalidated.
    'Cache-Control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  const rangeHeader = req.headers.range;
  if (rangeHeader) {
    const range = parseRange(rangeHeader, info.size);
    if (!range) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${info.size}` }).end();
      return;
    }
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${info.size}`;
    headers['Content-Length'] = range.end - range.start + 1;
    res.writeHead(206, headers);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(path, range).pipe(res);
    return;
  }
  // Whole file: prefer a precompressed sibling the client accepts.
  const accept = String(req.headers['accept-encoding'] ?? '');
  let send = path;
  let size = info.size;
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (!new RegExp(`\\b${encoding}\\b`).test(accept)) continue;
    const compressed = await fileInfo(path + ext);
    if (compressed) {
      send = path + ext;
      size = compressed.size;
      headers['Content-Encoding'] = encoding;
      break;
    }
  }
  headers['Vary'] = 'Accept-Encoding';
  headers['Content-Length'] = size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  createReadStream(send).pipe(res);
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
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
