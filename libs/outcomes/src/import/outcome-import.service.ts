import { Injectable } from '@nestjs/common';
import { CatalogService } from '@app/catalog';
import { TransactionService } from '@app/core';
import { AccessService, AuthUser } from '@app/identity';
import { OutcomeEntity } from '../entities';
import { moveTally } from '../outcome.tallies';
import { AgreementRow, apprenticeshipRows, RowError } from './apprenticeship.rows';
import { readSheet } from './table.reader';

export interface ImportResult {
  imported: number;
  errors: RowError[];
}

/** Rows per INSERT: well under both engines' bound-parameter limits (13 columns a row). */
const CHUNK = 1000;

/**
 * Bulk import of apprenticeship agreements from CSV or XLSX.
 *
 * Invariants: bad rows are reported `{row, field, reason}` and never written; all good rows
 * are written in ONE transaction (multi-row INSERTs of {@link CHUNK}) together with their
 * tallies, so a failure leaves nothing behind and a retry cannot double-count half a file.
 */
@Injectable()
export class OutcomeImportService {
  constructor(
    private readonly tx: TransactionService,
    private readonly catalog: CatalogService,
    private readonly access: AccessService,
  ) {}

  /**
   * Imports the file `readFile` yields. The caller's rights are checked before the upload
   * is read, so a stranger learns nothing about what a file would have done.
   */
  async importAgreements(user: AuthUser, activityId: number, readFile: () => Promise<Buffer>): Promise<ImportResult> {
    await this.catalog.getActivityEntity(activityId);
    await this.access.assertCanManageActivity(user, activityId);
    const { good, errors } = apprenticeshipRows(await readSheet(await readFile()));
    if (good.length) await this.write(user, activityId, good);
    return { imported: good.length, errors };
  }

  private async write(user: AuthUser, activityId: number, rows: AgreementRow[]): Promise<void> {
    const now = new Date();
    const values = rows.map((r) => ({
      activityId,
      sessionId: null,
      type: 'apprenticeship_agreement',
      agreementType: r.agreementType,
      title: r.title,
      status: r.status,
      signedOn: r.signedOn,
      parties: { mentorName: r.mentorName, apprenticeName: r.apprenticeName, enterpriseName: r.enterpriseName },
      details: { importRow: r.row },
      registrationIds: null,
      origin: 'import',
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    }));
    const counts = new Map<string, { agreementType: string; status: string; n: number }>();
    for (const r of rows) {
      const k = `${r.agreementType}|${r.status}`;
      const c = counts.get(k) ?? { agreementType: r.agreementType, status: r.status, n: 0 };
      c.n++;
      counts.set(k, c);
    }
    await this.tx.withTransaction(async ({ em }) => {
      for (let i = 0; i < values.length; i += CHUNK) {
        await em
          .createQueryBuilder()
          .insert()
          .into(OutcomeEntity)
          .values(values.slice(i, i + CHUNK))
          .updateEntity(false)
          .execute();
      }
      for (const c of counts.values()) {
        await moveTally(em, { activityId, type: 'apprenticeship_agreement', ...c }, c.n);
      }
    });
  }
}
