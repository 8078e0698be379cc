import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigModule, DatabaseModule, loadConfig, runMigrations } from '@app/core';
import { IdentityModule, UsersService } from '@app/identity';
import { SCHEMA } from '@app/schema';

/** Reads a password from the terminal without echoing it, or one line from piped input. */
async function askPassword(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    // print the prompt, then nothing of what is typed
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
      write.call(rl, s.startsWith(prompt) ? prompt : '');
  }
  const answer = await new Promise<string>((done) => rl.question(prompt, done));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return answer;
}

/**
 * `npm run admin:create -- --email admin@example.com`: creates an administrator in the configured
 * database (DATABASE_URL, or the SQLite file in DATA_DIR). The password comes from ADMIN_PASSWORD
 * or is prompted for. Exit code 1 when the password fails the policy.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' } } });
  const email = values.email ?? process.env.ADMIN_EMAIL;
  if (!email) throw new Error('usage: npm run admin:create -- --email you@example.com');
  const password = process.env.ADMIN_PASSWORD || (await askPassword('Password (12+ characters): '));

  // the configuration pairs ADMIN_PASSWORD with ADMIN_EMAIL; here the email comes from --email
  if (process.env.ADMIN_PASSWORD) process.env.ADMIN_EMAIL = email;
  const config = loadConfig();
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config.database, SCHEMA), IdentityModule] })
  class AdminModule {}
  const app = await NestFactory.createApplicationContext(AdminModule, { logger: ['error', 'warn'] });
  try {
    await runMigrations(app.get<DataSource>(getDataSourceToken()));
    const outcome = await app.get(UsersService).createAdmin(email, password);
    console.log(
      outcome === 'created'
        ? `administrator ${email} created; sign in at /api/auth/login`
        : `a user with the email ${email} exists already; nothing changed`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
