import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CatalogService } from '@app/catalog';
import { APP_CONFIG, AppConfig, AppError, Clock, TransactionService } from '@app/core';
import { AccessService, AuthUser } from '@app/identity';
import { OutcomeEntity } from '../entities';
import { chinaToday, outcomeKey } from '../outcome.key';
import { moveTally } from '../outcome.tallies';
import { AgreementRow, apprenticeshipColumns, judgeAgreementRow, RowError } from './apprenticeship.rows';
import { EventLoopYielder, yieldToEventLoop } from './csv.reader';
import { readSheet } from './table.reader';

export interface ImportResult {
  imported: number;
  errors: RowError[];
  /** row errors beyond IMPORT_MAX_ERRORS, counted but not listed (absent when none) */
  errorsOmitted?: number;
}

/**
 * Rows per INSERT and per transaction: small enough that one chunk holds the event loop for a
 * few milliseconds only (SQLite writes synchronously, and other queries wait for its
 * transaction), large enough to stay fast.
 */
const CHUNK = { mysql: 500, sqlite: 100 };

type Keyed = AgreementRow & { key: string };

/**
 * Bulk import of apprenticeship agreements from CSV or XLSX.
 *
 * Invariants: the file is read as a stream that yields to the event loop, and capped (rows,
 * unpacked XLSX size, listed errors) before anything is written; bad rows are reported
 * `{row, field, reason}` and never written; good rows are committed in chunks of {@link CHUNK},
 * each chunk with its tallies in one transaction. An agreement counts once: a row repeating
 * another row of the file or an outcome already recorded (same type, parties and date) is the
 * row error `duplicate`, decided by the database's unique key (INSERT IGNORE, then the rows the
 * chunk really wrote are read back by their batch id) — so a file imported again, or a retry
 * after a failure half-way, never counts an agreement twice.
 */
@Injectable()
export class OutcomeImportService {
  constructor(
    private readonly tx: TransactionService,
    private readonly catalog: CatalogService,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Imports the file `readFile` yields. The caller's rights are checked before the upload
   * is read, so a stranger learns nothing about what a file would have done.
   */
  async importAgreements(user: AuthUser, activityId: number, readFile: () => Promise<Buffer>): Promise<ImportResult> {
    await this.catalog.getActivityEntity(activityId);
    await this.access.assertCanManageActivity(user, activityId);
    const sheet = await readSheet(await readFile(), { maxXlsxUnpackedBytes: this.config.importMaxXlsxUnpackedBytes });
    const columns = apprenticeshipColumns(sheet.header);
    const today = chinaToday(this.clock.now());
    const good: Keyed[] = [];
    const errors: RowError[] = [];
    const firstRowOf = new Map<string, number>();
    let rows = 0;
    const yielder = new EventLoopYielder();
    for await (const r of sheet.rows) {
      await yielder.maybeYield();
      if (++rows > this.config.importMaxRows) {
        throw new AppError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          `The file has more than ${this.config.importMaxRows} data rows: split it and import the parts`,
          [{ field: 'file', reason: `has more than ${this.config.importMaxRows} data rows` }],
        ).as('import_too_many_rows', { max: this.config.importMaxRows });
      }
      const judged = judgeAgreementRow(columns, r);
      if ('errors' in judged) {
        errors.push(...judged.errors);
        continue;
      }
      const row = judged.good;
      if (row.signedOn && row.signedOn > today) {
        errors.push({ row: row.row, field: 'signedOn', reason: `is after today (${today})` });
        continue;
      }
      const key = outcomeKey({
        type: 'apprenticeship_agreement',
        parties: { mentorName: row.mentorName, apprenticeName: row.apprenticeName, enterpriseName: row.enterpriseName },
        signedOn: row.signedOn,
        title: row.title,
      });
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) {
        errors.push(duplicate(row.row, `repeats row ${earlier}`));
        continue;
      }
      firstRowOf.set(key, row.row);
      good.push({ ...row, key });
    }
    let imported = 0;
    const size = this.tx.isMysql ? CHUNK.mysql : CHUNK.sqlite;
    for (let i = 0; i < good.length; i += size) {
      const chunk = good.slice(i, i + size);
      const written = await this.writeChunk(user, activityId, chunk);
      imported += written.size;
      for (const r of chunk) {
        if (!written.has(r.key)) errors.push(duplicate(r.row, 'repeats an agreement already recorded'));
      }
      await yieldToEventLoop();
    }
    errors.sort((a, b) => a.row - b.row);
    const max = this.config.importMaxErrors;
    return {
      imported,
      errors: errors.slice(0, max),
      ...(errors.length > max ? { errorsOmitted: errors.length - max } : {}),
    };
  }

  /** One chunk in one transaction; returns the keys the database took (the others repeat a record). */
  private async writeChunk(user: AuthUser, activityId: number, rows: Keyed[]): Promise<Set<string>> {
    const batch = randomBytes(12).toString('hex');
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
      dedupeKey: r.status === 'cancelled' ? null : r.key,
      importBatch: batch,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    }));
    return this.tx.withTransaction(async ({ em }) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(OutcomeEntity)
        .values(values)
        .orIgnore()
        .updateEntity(false)
        .execute();
      const written = await em.find(OutcomeEntity, {
        where: { importBatch: batch },
        select: { id: true, dedupeKey: true, agreementType: true, status: true },
      });
      const counts = new Map<string, { agreementType: string; status: string; n: number }>();
      for (const o of written) {
        const k = `${o.agreementType}|${o.status}`;
        const c = counts.get(k) ?? { agreementType: o.agreementType ?? '', status: o.status, n: 0 };
        c.n++;
        counts.set(k, c);
      }
      for (const c of counts.values()) {
        await moveTally(em, { activityId, type: 'apprenticeship_agreement', ...c }, c.n);
      }
      // keys are unique within the file; a cancelled row has none and is never a duplicate
      const keys = new Set(written.map((o) => o.dedupeKey));
      return new Set(rows.filter((r) => r.status === 'cancelled' || keys.has(r.key)).map((r) => r.key));
    });
  }
}

const duplicate = (row: number, why: string): RowError => ({
  row,
  field: 'row',
  reason: `duplicate: ${why}`,
  code: 'duplicate',
});
