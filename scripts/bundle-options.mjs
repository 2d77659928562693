// What esbuild needs to bundle our TypeScript for Node: shared by the CLI (bin/tend.js, built on
// first use) and the server (scripts/build-server.mjs, built by `npm run build` and `npm start`).

/** Native modules, and packages that read their own files at run time, stay in node_modules. */
export const EXTERNAL = [
  'better-sqlite3',
  'pg',
  'pg-native',
  'pg-boss',
  '@node-rs/argon2',
  'nodemailer',
  '@fastify/swagger-ui',
  '@fastify/static',
  'sharp',
  'tsx',
  'esbuild',
  // Loaded lazily with import() (src/services/password-strength.ts): a bundled copy of these CommonJS
  // packages loses its named exports ("ZxcvbnFactory is not a constructor"); Node's own loader keeps them.
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
];

export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS packages inside an ES module bundle still call require().
  banner: {
    js: "import { createRequire as __tendRequire } from 'node:module'; const require = __tendRequire(import.meta.url);",
  },
  logLevel: 'silent',
};
