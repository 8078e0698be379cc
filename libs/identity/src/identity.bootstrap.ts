import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { UsersService } from './users/users.service';

/** Start-up work of the identity module; the app calls it once migrations have run. */
@Injectable()
export class IdentityBootstrap {
  private readonly logger = new Logger(IdentityBootstrap.name);

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates the administrator named by `ADMIN_EMAIL`/`ADMIN_PASSWORD` if no user has that
   * email. Idempotent and safe with several processes starting at once; an existing account
   * is left as it is (its password may have been changed since).
   */
  async ensureAdmin(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) {
      if (!(await this.users.hasAdmin())) {
        this.logger.warn(
          'No administrator yet: run `npm run admin:create -- --email you@example.com` ' +
            '(password prompted, or from ADMIN_PASSWORD), or start with ADMIN_EMAIL and ADMIN_PASSWORD set.',
        );
      }
      return;
    }
    if (await this.users.ensureAdmin(adminEmail, adminPassword)) this.logger.log(`administrator ${adminEmail} created`);
  }
}
