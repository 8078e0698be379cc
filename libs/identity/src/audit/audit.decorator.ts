import { SetMetadata } from '@nestjs/common';

export const AUDIT_KEY = 'identity:audit';

export interface AuditMeta {
  action: string;
  entity: string;
}

/**
 * Names a write in the audit log, e.g. `@Audit('registration.approve', 'registration')`.
 * Without it the entry reads `<METHOD> <route path>` with the route's last static segment as entity.
 */
export const Audit = (action: string, entity: string) => SetMetadata(AUDIT_KEY, { action, entity } satisfies AuditMeta);
