import { execFileSync } from 'node:child_process';

/** The browser suite tests the production bundle, built once per run. */
export default function setup() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
