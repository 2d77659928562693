import { execFileSync } from 'node:child_process';

/**
 * The browser suite tests the production bundle, built once per run. Vitest runs under
 * NODE_ENV=test, which the child would inherit and which makes Vite bundle React's development
 * build (1,206 KB instead of 906 KB): a bundle no user gets, and one `npm start` would then serve.
 */
export default function setup() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
