import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, '0.0.0.0');
  // eslint-disable-next-line no-console
  console.log(`API on http://localhost:${config.port}/api (docs: /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
