/** The `code` of a thrown value (a Node errno like EEXIST, a PostgreSQL SQLSTATE, a Fastify code), if it has one. */
export function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
