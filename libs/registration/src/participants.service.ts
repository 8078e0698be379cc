import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { insertRows } from '@app/core';
import { ParticipantEntity } from './entities';

export interface ParticipantInput {
  identityKey: string;
  category: string;
  name: string;
  email: string;
  phone: string | null;
  idNumber: string | null;
  locale: string;
  profile: Record<string, unknown>;
}

const REFRESHED = ['name', 'email', 'phone', 'id_number', 'locale', 'profile', 'updated_at'];

/** One identity across sessions; the latest registration refreshes the contact details. */
@Injectable()
export class ParticipantsService {
  /**
   * Insert-or-update on the unique identity key: no find-then-create race. MySQL answers the id
   * in the same statement (`id = LAST_INSERT_ID(id)` makes an update report the existing id).
   */
  async upsert(em: EntityManager, input: ParticipantInput): Promise<number> {
    const qb = this.upsertQuery(em, input);
    if (em.connection.options.type === 'mysql') {
      const [sql, params] = qb.getQueryAndParameters();
      const result = (await em.query(`${sql}, id = LAST_INSERT_ID(id)`, params)) as { insertId?: number };
      if (result.insertId) return result.insertId;
    } else {
      await qb.execute();
    }
    const row = await em.findOneOrFail(ParticipantEntity, {
      where: { identityKey: input.identityKey },
      select: { id: true },
    });
    return row.id;
  }

  /**
   * The same for many distinct identities: one multi-row upsert, then one read of their ids.
   * Rows go in identity order, so two writers lock shared rows in the same order.
   */
  async upsertMany(em: EntityManager, inputs: ParticipantInput[]): Promise<Map<string, number>> {
    const sorted = [...inputs].sort((a, b) => (a.identityKey < b.identityKey ? -1 : 1));
    const now = new Date();
    await insertRows(
      em,
      ParticipantEntity,
      sorted.map(
        (input) => ({ ...input, createdAt: now, updatedAt: now }) as QueryDeepPartialEntity<ParticipantEntity>,
      ),
      { update: REFRESHED, conflict: ['identity_key'] },
    );
    const rows = await em.find(ParticipantEntity, {
      where: { identityKey: In(sorted.map((i) => i.identityKey)) },
      select: { id: true, identityKey: true },
    });
    return new Map(rows.map((r) => [r.identityKey, r.id]));
  }

  async findId(em: EntityManager, identityKey: string): Promise<number | undefined> {
    const row = await em.findOne(ParticipantEntity, { where: { identityKey }, select: { id: true } });
    return row?.id;
  }

  private upsertQuery(em: EntityManager, input: ParticipantInput) {
    const now = new Date();
    return em
      .createQueryBuilder()
      .insert()
      .into(ParticipantEntity)
      .values({ ...input, createdAt: now, updatedAt: now } as QueryDeepPartialEntity<ParticipantEntity>)
      .orUpdate(REFRESHED, ['identity_key'])
      .updateEntity(false);
  }
}
