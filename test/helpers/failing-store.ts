import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { asConn } from '../../src/store/conn';
import type { TestStore } from './stores';

/** What a query does and to which table, read from its operation node (enough to pick one write). */
export function queryTarget(node: RootOperationNode): { kind: string; text: string } {
  return { kind: node.kind, text: JSON.stringify(node) };
}

/**
 * The same database, but a query for which `when` is true fails as a crashed disk or a dropped
 * connection would: the real database underneath, only one chosen write breaks.
 */
export function failingWhen(store: TestStore, when: (node: RootOperationNode) => boolean): TestStore {
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (when(node)) throw new Error('injected failure');
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const db = store.db.withPlugin(plugin);
  return {
    ...store,
    db,
    read: asConn(db),
    transaction: (fn) => db.transaction().execute((trx) => fn(asConn(trx))),
  };
}

/** An update of `table` (optionally one setting `column`). */
export const updates =
  (table: string, column?: string) =>
  (node: RootOperationNode): boolean => {
    const { kind, text } = queryTarget(node);
    return (
      kind === 'UpdateQueryNode' &&
      text.includes(`"name":"${table}"`) &&
      (column === undefined || text.includes(`"name":"${column}"`))
    );
  };

/** An insert into `table`. */
export const insertsInto =
  (table: string) =>
  (node: RootOperationNode): boolean => {
    const { kind, text } = queryTarget(node);
    return kind === 'InsertQueryNode' && text.includes(`"name":"${table}"`);
  };

/** A delete from `table`. */
export const deletesFrom =
  (table: string) =>
  (node: RootOperationNode): boolean => {
    const { kind, text } = queryTarget(node);
    return kind === 'DeleteQueryNode' && text.includes(`"name":"${table}"`);
  };
