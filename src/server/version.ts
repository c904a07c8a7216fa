/**
 * The server's version, as released: the package version. Read from the
 * file rather than imported, so the server layer imports only src/server,
 * src/domain and packages (tests/unit/architecture.test.ts).
 */
import { readFileSync } from 'node:fs';

export const SERVER_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
