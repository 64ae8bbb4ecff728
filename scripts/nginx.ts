// Runs the shipped site configuration (deploy/nginx.conf) with the machine's nginx, without root and without
// touching /etc/nginx: a main configuration like Debian's /etc/nginx/nginx.conf is written to a temporary
// directory that also holds the pid file, the logs and nginx's temp files, and the site listens on a free
// loopback port with `root` set to the build to serve. Used by the deployment e2e test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findNginx } from './system-deps.ts';

export const SITE_CONFIG = resolve(fileURLToPath(import.meta.url), '../../deploy/nginx.conf');

export interface RunningNginx {
  url: string;
  port: number;
  /** The temporary prefix: nginx.conf, site.conf, error.log, access.log. */
  prefix: string;
  /** nginx's error log so far (for a failing test's message). */
  errorLog: () => string;
  close: () => Promise<void>;
}

/** The site file with its `listen` lines on 127.0.0.1:port and its `root` on `root`; throws if the file has no such lines. */
export function siteForTest(site: string, root: string, port: number): string {
  const listen = /^(\s*)listen\s+\S+\s*;\s*$/gm;
  const rootLine = /^(\s*)root\s+\S+\s*;\s*$/m;
  if (!listen.test(site) || !rootLine.test(site)) throw new Error(`${SITE_CONFIG}: expected \`listen …;\` and \`root …;\` lines`);
  let first = true;
  return site
    .replace(listen, (_line, indent: string) => {
      // One listener: the IPv6 line of the site is dropped (loopback IPv4 only).
      const out = first ? `${indent}listen 127.0.0.1:${port};` : `${indent}# (listen line dropped for the test)`;
      first = false;
      return out;
    })
    .replace(rootLine, (_line, indent: string) => `${indent}root ${root};`);
}

/** A main configuration like Debian's nginx.conf (mime types, sendfile, gzip on), every path in `prefix`. */
function mainConfig(prefix: string, brotliStaticModule: string, asRoot: boolean): string {
  return `
${asRoot ? 'user root root;' : ''}
load_module ${brotliStaticModule};
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${prefix}/access.log;
    gzip on;
    client_body_temp_path ${prefix}/client_body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    include ${prefix}/site.conf;
}
`;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Under root, nginx runs as an unprivileged user instead (as Debian's own service's workers do), if that user
 * can read the build; null: run as we are (not root, or a build only root can read, e.g. under /root).
 */
function unprivilegedUser(root: string): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['www-data', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) continue;
    const user = { uid: Number(uid.stdout), gid: Number(gid.stdout) };
    if (spawnSync('test', ['-r', join(root, 'index.html')], user).status === 0) return user;
  }
  return null;
}

async function waitUntilServing(url: string, child: ChildProcess, errorLog: () => string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 10_000) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${errorLog()}`);
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nginx did not answer at ${url} within 10 s:\n${errorLog()}`);
}

/** Serve `root` through deploy/nginx.conf; null when nginx or its brotli_static module is not installed. */
export async function startNginx(root: string): Promise<RunningNginx | null> {
  const nginx = findNginx();
  if (!nginx) return null;
  const prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
  const user = unprivilegedUser(root);
  if (user) chownSync(prefix, user.uid, user.gid);
  const errorLog = () => {
    try {
      return readFileSync(join(prefix, 'error.log'), 'utf8');
    } catch {
      return '(no error log)';
    }
  };
  const asRoot = !user && process.getuid?.() === 0;
  writeFileSync(join(prefix, 'nginx.conf'), mainConfig(prefix, nginx.brotliStaticModule, asRoot));
  // The free port may be taken before nginx binds it (other suites pick ports too): then try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    writeFileSync(join(prefix, 'site.conf'), siteForTest(readFileSync(SITE_CONFIG, 'utf8'), resolve(root), port));
    // -e: the error log before the configuration is read (the compiled-in default may not be writable).
    const child = spawn(nginx.path, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      ...(user ?? {}),
    });
    const url = `http://127.0.0.1:${port}`;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGQUIT'); // graceful: finish the requests in flight
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const close = async () => {
      await stop();
      rmSync(prefix, { recursive: true, force: true });
    };
    try {
      await waitUntilServing(url, child, errorLog);
      return { url, port, prefix, errorLog, close };
    } catch (error) {
      await stop();
      if (attempt < 3 && /Address already in use/.test(errorLog())) continue;
      rmSync(prefix, { recursive: true, force: true });
      throw error;
    }
  }
}
