// `node scripts/bundle-file.mjs ENTRY.ts OUT.mjs`: one TypeScript entry as one ES module for plain
// `node`, with the options the server bundle uses. bench/capture.ts and bench/import.ts run their measurements from one,
// so that they measure what `npm start` runs (no tsx loader in the process).
import { build } from 'esbuild';
import { NODE_BUNDLE } from './bundle-options.mjs';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) throw new Error('usage: node scripts/bundle-file.mjs ENTRY.ts OUT.mjs');
await build({ ...NODE_BUNDLE, entryPoints: [entry], outfile });
