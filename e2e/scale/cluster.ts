/**
 * The real parts of a multi-instance deployment, started and stopped by the scale test:
 * a PostgreSQL server of its own, one production build, `next start` instances, nginx in
 * front (round robin) and an SMTP server. Everything lives under one temporary folder
 * outside the project (Tailwind scans the project, and a socket there breaks the build).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
/** A folder of its own by default; CI points SCALE_DIST_DIR at the build `npm test` made (.next). */
export const DIST_DIR = process.env.SCALE_DIST_DIR || '.next-scale';

const isRoot = process.getuid?.() === 0;

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A PostgreSQL 15 server on `port`, data under a temp folder, fsync off (test data only). */
export async function startPostgres(port: number, dir: string) {
  const bin = process.env.PGBIN ?? fs.readdirSync('/usr/lib/postgresql').sort().map((v) => `/usr/lib/postgresql/${v}/bin`).pop();
  if (!bin || !fs.existsSync(path.join(bin, 'initdb'))) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql, or set PGBIN).');
  const pgDir = path.join(dir, 'pg');
  fs.mkdirSync(pgDir);
  if (isRoot) spawnSync('chown', ['postgres', pgDir]);
  const as = (cmd: string, args: string[]) =>
    isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { encoding: 'utf8' }) : spawnSync(path.join(bin, cmd), args, { encoding: 'utf8' });
  const init = as('initdb', ['-D', path.join(pgDir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const start = as('pg_ctl', [
    '-D', path.join(pgDir, 'data'), '-l', path.join(pgDir, 'server.log'), '-w', 'start',
    '-o', `-p ${port} -k ${pgDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
  ]);
  if (start.status !== 0) throw new Error(`PostgreSQL did not start on port ${port}: ${start.stderr}${fs.readFileSync(path.join(pgDir, 'server.log'), 'utf8').slice(-2000)}`);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  return {
    url: (database: string) => `${base}/${database}`,
    async createDatabase(name: string) {
      const sql = postgres(`${base}/postgres`, { max: 1, onnotice: () => {} });
      await sql.unsafe(`create database ${name}`);
      await sql.end();
      return `${base}/${name}`;
    },
    stop() {
      as('pg_ctl', ['-D', path.join(pgDir, 'data'), '-m', 'immediate', 'stop']);
      // The logs stay for reading; the data goes.
      fs.rmSync(path.join(pgDir, 'data'), { recursive: true, force: true });
    },
  };
}
export type Postgres = Awaited<ReturnType<typeof startPostgres>>;

/** One production build for every instance, with the shared server-actions key. */
export function buildApp(encryptionKey: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: encryptionKey, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
}

function serverReferenceManifest() {
  return JSON.parse(fs.readFileSync(path.join(root, DIST_DIR, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
    encryptionKey?: string;
  };
}

/** The server-actions key the build was made with. */
export function buildEncryptionKey(): string {
  const key = serverReferenceManifest().encryptionKey;
  if (!key) throw new Error('the build has no server-actions encryption key');
  return key;
}

/** The id of a server action in this build, as the browser sends it in the Next-Action header. */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = serverReferenceManifest();
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} of ${file} is not in the build's server-reference manifest`);
  return found[0];
}

export type Instance = {
  name: string;
  port: number;
  process: ChildProcess;
  /** Every line the instance printed (stdout and stderr). */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
};

/**
 * `npm start` with SKIP_BUILD=1 (lib/cli/start.mjs, which runs `next start`), in a process
 * group of its own so that SIGKILL takes the whole instance down at once, as a crash would.
 */
export function startInstance(name: string, port: number, env: Record<string, string>, logDir: string): Instance {
  const child = spawn(process.execPath, [path.join(root, 'lib', 'cli', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), SKIP_BUILD: '1', NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  const logFile = fs.createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      logFile.write(chunk);
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l.trim()));
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    name,
    port,
    process: child,
    lines,
    exited,
    kill(signal) {
      try {
        // The process group: start.mjs and the next-server it runs.
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    },
  };
}

/** Waits until the instance's readiness check answers 200. */
export async function waitReady(instance: Instance, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void instance.exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline) {
    if (exitedEarly) throw new Error(`${instance.name} exited during start-up:\n${instance.lines.slice(-30).join('\n')}`);
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/api/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${instance.name} was not ready after ${timeoutMs} ms:\n${instance.lines.slice(-30).join('\n')}`);
}

/**
 * Debian's nginx in the foreground with a configuration, pid file and logs of its own,
 * round robin over the upstream ports. The configuration is the README's example, plus
 * temp paths and an X-Upstream header that tells the test which instance answered.
 */
export async function startNginx(port: number, upstreamPorts: number[], dir: string) {
  const nginxDir = path.join(dir, 'nginx');
  fs.mkdirSync(nginxDir, { mode: 0o755 });
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    fs.mkdirSync(path.join(nginxDir, sub));
    fs.chmodSync(path.join(nginxDir, sub), 0o777);
  }
  const conf = `
worker_processes 1;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 4096; }
http {
  log_format json escape=json '{"time":"$time_iso8601","reqId":"$request_id","method":"$request_method","uri":"$uri",'
    '"status":$status,"duration":$request_time,"upstream":"$upstream_addr","upstreamStatus":"$upstream_status"}';
  access_log ${nginxDir}/access.log json;
  client_body_temp_path ${nginxDir}/client_body;
  proxy_temp_path ${nginxDir}/proxy;
  fastcgi_temp_path ${nginxDir}/fastcgi;
  uwsgi_temp_path ${nginxDir}/uwsgi;
  scgi_temp_path ${nginxDir}/scgi;

  upstream eoi_portal {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 64;
    # Shorter than Node's keep-alive timeout (5 s): otherwise an instance may close an idle
    # connection just as nginx sends a request on it, and a POST is answered 502.
    keepalive_timeout 4s;
  }

  server {
    listen 127.0.0.1:${port};
    client_max_body_size 25m;

    location / {
      proxy_pass http://eoi_portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      add_header X-Request-Id $request_id always;
      add_header X-Upstream $upstream_addr always;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout;
      proxy_buffers 16 64k;
    }
  }
}
`;
  const confPath = path.join(nginxDir, 'nginx.conf');
  fs.writeFileSync(confPath, conf);
  const nginx = process.env.NGINX ?? '/usr/sbin/nginx';
  const test = spawnSync(nginx, ['-t', '-e', path.join(nginxDir, 'error.log'), '-p', nginxDir, '-c', confPath], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx configuration rejected: ${test.stderr}`);
  const child = spawn(nginx, ['-e', path.join(nginxDir, 'error.log'), '-p', nginxDir, '-c', confPath, '-g', 'daemon off;'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    // A TCP connection, not a request: a request now would find no instance and make
    // nginx mark both upstreams down for fail_timeout.
    const listening = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (listening) break;
    {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on port ${port}`);
      await sleep(100);
    }
  }
  return {
    port,
    accessLog: path.join(nginxDir, 'access.log'),
    async stop() {
      child.kill('SIGQUIT');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
export type Nginx = Awaited<ReturnType<typeof startNginx>>;
