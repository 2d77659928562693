import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/store/postgres';
import { startThrowawayPostgres } from './throwaway-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/** Starts a throwaway cluster on a free loopback port for the suite; stops and deletes it after. */
export default async function setup(project: TestProject) {
  const cluster = await startThrowawayPostgres();
  const template = 'tend_template';
  const admin = await openPostgresAdmin(cluster.adminUrl);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const store = await openPostgres(cluster.urlOf(template), 1);
  await store.close();

  project.provide('pgAdminUrl', cluster.adminUrl);
  project.provide('pgTemplate', template);
  return () => cluster.stop();
}

async function openPostgresAdmin(url: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
