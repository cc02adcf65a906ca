// The VersionStorage contract on a real PostgreSQL (server/testing/services.ts), as
// postgres.test.ts runs the Storage contract; skipped, saying why, without PostgreSQL.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  missingServices,
  postgresBin,
  startPostgres,
  type RunningService,
} from '../testing/services';
import { openPostgresStorage } from './postgres';
import { versionStorageContract } from './versions.contract';

const skipReason = postgresBin('initdb') ? undefined : missingServices();
if (skipReason) console.warn(`PostgreSQL version storage tests skipped: ${skipReason}`);

let service: RunningService | undefined;
beforeAll(async () => {
  if (!skipReason) service = await startPostgres();
}, 60_000);
afterAll(async () => {
  await service?.stop();
});

async function freshDatabase(): Promise<string> {
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: service!.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return service!.url.replace(/\/itinera$/, `/${name}`);
}

describe.skipIf(!!skipReason)('PostgreSQL version storage', () => {
  versionStorageContract('PostgreSQL', async () => openPostgresStorage(await freshDatabase()));
});
