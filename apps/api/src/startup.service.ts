import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, runMigrations, withStartupLock } from '@app/core';
import { PlanImporter } from '@app/catalog';
import { IdentityBootstrap } from '@app/identity';

/** Tasks a fresh database needs before the API answers: migrations, the plan files, the first admin. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StartupService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly importer: PlanImporter,
    private readonly identity: IdentityBootstrap,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const applied = await runMigrations(this.db);
    if (applied.length) this.logger.log(`migrations applied: ${applied.join(', ')}`);
    if (this.config.importPlansOnStart) {
      await withStartupLock(this.db, () => this.importer.importDirectory(this.config.configDir));
    }
    await this.identity.ensureAdmin();
  }
}
