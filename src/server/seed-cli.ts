/** `npm run seed`: creates the demo tenant in the configured database (same settings as main.ts). */
import { openDatabase, readSettings } from './env.ts';
import { DEMO_TENANT_ID, seed } from './seed.ts';

const database = await openDatabase(readSettings(process.env));
try {
  const created = await seed(database);
  console.log(created ? `Tenant "${DEMO_TENANT_ID}" aangemaakt in ${database.location}.` : `Tenant "${DEMO_TENANT_ID}" bestond al in ${database.location}.`);
} finally {
  await database.close();
}
