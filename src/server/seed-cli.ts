/** `npm run seed`: creates what is missing of the seed in the configured database (same settings as main.ts). */
import { openDatabase, readSettings } from './env.ts';
import { seed, seedReportLines } from './seed.ts';

const settings = readSettings(process.env);
const database = await openDatabase(settings);
try {
  const lines = seedReportLines(await seed(database, { coordinatorPassword: settings.coordinatorPassword }));
  console.log(lines.length > 0 ? lines.join('\n') : `Alles bestond al in ${database.location}.`);
} finally {
  await database.close();
}
