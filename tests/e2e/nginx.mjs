// Debian's nginx, started for a test on a free loopback port: it serves
// dist/ under a sub-path with the strict Content-Security-Policy cijing
// documents, gzip on, and stops when the test is done.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** Serves `root` at `http://127.0.0.1:PORT${prefix}` with `headers`. */
export async function startNginx(root, { prefix = '/tools/cijing/', csp = CSP } = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cijing-nginx-'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  types { application/wasm wasm; text/javascript js mjs; }
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  gzip on;
  gzip_types text/css text/javascript application/javascript application/wasm image/svg+xml;
  server {
    listen 127.0.0.1:${port};
    location ${prefix} {
      alias ${resolve(root)}/;
      add_header Content-Security-Policy "${csp}" always;
    }
  }
}
`);
  const child = spawn('/usr/sbin/nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  // Wait until it answers.
  const url = `http://127.0.0.1:${port}${prefix}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try { if ((await fetch(url)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, port, stop: () => new Promise((ok) => { child.once('exit', ok); child.kill('SIGTERM'); }) };
}
