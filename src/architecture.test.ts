import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers } from '../scripts/check-layers';

const root = fileURLToPath(new URL('..', import.meta.url));

// The rules of docs/architecture.md that Biome cannot express, enforced by `npm test` as well as
// by `npm run check`, so CI goes red on a query built in a service.
describe('the layering rules', () => {
  it('hold in this repository', () => {
    expect(checkLayers(root)).toEqual([]);
  });

  it('catch a query, raw SQL, a transaction, a dialect branch, an extension, a cast and an import cycle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tend-layers-'));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    try {
      put(
        'src/services/bad.service.ts',
        [
          "import { x } from './x.js';",
          "const rows = await db.selectFrom('contacts').selectAll().execute();",
          'await sql`delete from contacts`.execute(db);',
          'await db.transaction().execute(async () => {});',
          "if (store.kind === 'postgres') {}",
        ].join('\n'),
      );
      // The same code inside store/ is where it belongs; only the extension is wrong there.
      put(
        'src/store/good.repo.ts',
        "import { y } from './y.js';\nawait db.selectFrom('contacts').execute();\n",
      );
      // A cast that does not say why; one that does, an `as const`, an import rename and a string do not count.
      put(
        'src/core/casts.ts',
        [
          'const a = value as Contact;',
          '// The brand has no runtime form.',
          'const b = value as unknown as Conn;',
          "const c = ['x'] as const;",
          "import { list as listRows } from './list';",
          "const d = 'export it as JPEG';",
        ].join('\n'),
      );
      // Two modules that import each other, if only for a type.
      put('src/jobs/a.ts', "import type { B } from './b';\nexport type A = B;\n");
      put('src/jobs/b.ts', "import type { A } from './a';\nexport type B = string;\n");
      const problems = checkLayers(dir);
      expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
        'src/core/casts.ts:1',
        'src/services/bad.service.ts:1',
        'src/services/bad.service.ts:2',
        'src/services/bad.service.ts:3',
        'src/services/bad.service.ts:4',
        'src/services/bad.service.ts:5',
        'src/store/good.repo.ts:1',
        'src/jobs/a.ts:1',
      ]);
      expect(problems.find((p) => p.file === 'src/core/casts.ts')?.rule).toContain('says why');
      expect(problems.at(-1)?.rule).toContain('import cycle');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
