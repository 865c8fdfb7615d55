// The one helper module every browser test imports: the browser and the
// page object (browser.mjs), a static file server (server.mjs), nginx with
// the strict CSP (nginx.mjs), and the CLI, for the numbers the page must
// match.
import { execFileSync } from 'node:child_process';

export * from './browser.mjs';
export * from './server.mjs';
export * from './nginx.mjs';

/** The CLI's output for `args` (the release build; `input` on stdin). */
export function cliText(args, { input } = {}) {
  return execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'cijing', '--', ...args], { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
}

/** The CLI's answer as JSON, for the same question the page answers. */
export function cli(args) {
  return JSON.parse(cliText([...args, '--format', 'json']));
}
