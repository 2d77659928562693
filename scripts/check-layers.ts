// `npm run check` (and src/architecture.test.ts): the layering rules Biome's noRestrictedImports
// cannot express, because they are about code, not import paths. See docs/architecture.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LayerProblem {
  file: string;
  line: number;
  rule: string;
}

interface Rule {
  name: string;
  /** Which files the rule applies to (path relative to the root, with forward slashes). */
  applies: (file: string) => boolean;
  pattern: RegExp;
}

const outsideStore = (file: string) => !file.startsWith('src/store/');
const production = (file: string) =>
  (file.startsWith('src/') || file.startsWith('web/src/')) && !/\.test\.tsx?$/.test(file);

const RULES: Rule[] = [
  {
    name: 'queries are built only in src/store/ repositories (selectFrom/insertInto/updateTable/deleteFrom)',
    applies: (f) => production(f) && outsideStore(f),
    pattern: /\.\s*(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(/,
  },
  {
    name: 'raw SQL (sql`…`) lives only in src/store/',
    applies: (f) => production(f) && outsideStore(f),
    pattern: /\bsql\s*(<[^>]*>)?\s*`/,
  },
  {
    name: 'transactions are opened by store.transaction, not by a Kysely handle',
    applies: (f) => production(f) && outsideStore(f),
    pattern: /\.transaction\(\)\s*\.\s*(execute|setIsolationLevel)/,
  },
  {
    name: 'the dialect is a store capability: no dialect branch above src/store/',
    applies: (f) => production(f) && outsideStore(f),
    pattern: /\.kind\s*[!=]==\s*'(sqlite|postgres)'/,
  },
  {
    name: 'one import-specifier style: relative imports name the module without an extension',
    applies: (f) => /\.tsx?$/.test(f),
    pattern: /^\s*(import|export|\}).*\bfrom\s+'\.{1,2}\/[^']*\.(js|ts|mjs|tsx|jsx)'/,
  },
];

// A type assertion: `x as T` (not `as const`, not an import's `a as b`).
const CAST =
  /[\w)\]}>]\s+as\s+(?!const\b)(?:unknown\b|readonly\b|typeof\b|keyof\b|[A-Z{[]|string\b|number\b|boolean\b|never\b|any\b|object\b)/;
const CAST_RULE = 'a cast (x as T) says why in a comment on its line or the line before; prefer a type guard';

/** Casts in production code with no comment beside them: each one left must say why it is needed. */
function unexplainedCasts(file: string, lines: string[]): LayerProblem[] {
  const problems: LayerProblem[] = [];
  lines.forEach((text, i) => {
    const code = text
      .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
      .replace(/\/\/.*$/, '');
    if (/^\s*(\*|\/\*|import\b|export\s*(type\s*)?\{)/.test(code) || !CAST.test(code)) return;
    const before = lines[i - 1]?.trim() ?? '';
    if (text.includes('//') || before.startsWith('//') || before.startsWith('*')) return;
    problems.push({ file, line: i + 1, rule: CAST_RULE });
  });
  return problems;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', '.git', 'test-results', 'migrations']);

function* sourceFiles(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* sourceFiles(root, join(dir, entry.name));
    } else if (/\.(ts|tsx|mts)$/.test(entry.name)) {
      yield join(dir, entry.name).split(sep).join('/');
    }
  }
}

/** Import cycles (type-only ones too) among production files: a cycle hides which module is lower. */
function importCycles(root: string, files: string[]): LayerProblem[] {
  const known = new Set(files);
  const resolve = (from: string, spec: string): string | undefined => {
    const base = posix.normalize(posix.join(posix.dirname(from), spec));
    return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => known.has(c));
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gms)) {
      const target = resolve(file, m[1]!);
      if (target) targets.push(target);
    }
    graph.set(file, targets);
  }
  // Tarjan's strongly connected components: every component of two or more files is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const problems: LayerProblem[] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1)
      problems.push({ file: component.sort()[0]!, line: 1, rule: `import cycle: ${component.join(' ↔ ')}` });
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return problems;
}

/** Every breach of the rules under `root`'s src/, web/src/, test/, bench/ and scripts/. */
export function checkLayers(root: string): LayerProblem[] {
  const problems: LayerProblem[] = [];
  const allFiles: string[] = [];
  for (const top of ['src', 'web/src', 'test', 'bench', 'scripts']) {
    let files: string[];
    try {
      files = [...sourceFiles(root, top)];
    } catch {
      continue; // a root without this folder (the test's fixture tree)
    }
    allFiles.push(...files);
    for (const file of files) {
      const rules = RULES.filter((r) => r.applies(file));
      if (rules.length === 0) continue;
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      if (production(file)) problems.push(...unexplainedCasts(file, lines));
      lines.forEach((text, i) => {
        for (const rule of rules)
          if (rule.pattern.test(text)) problems.push({ file, line: i + 1, rule: rule.name });
      });
    }
  }
  problems.push(...importCycles(root, allFiles));
  return problems;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const problems = checkLayers(root);
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.rule}`);
  if (problems.length > 0) {
    console.error(`check-layers: ${problems.length} problem(s); the rules are in docs/architecture.md`);
    process.exit(1);
  }
  console.log('check-layers: the layering rules hold');
}
