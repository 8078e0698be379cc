import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
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

/** One identity across sessions; the latest registration refreshes the contact details. */
@Injectable()
export class ParticipantsService {
  /** Insert-or-update on the unique identity key: no find-then-create race. */
  async upsert(em: EntityManager, input: ParticipantInput): Promise<number> {
    const now = new Date();
    await em
      .createQueryBuilder()
      .insert()
      .into(ParticipantEntity)
      .values({ ...input, createdAt: now, updatedAt: now } as QueryDeepPartialEntity<ParticipantEntity>)
      .orUpdate(['name', 'email', 'phone', 'id_number', 'locale', 'profile', 'updated_at'], ['identity_key'])
      .execute();
    const row = await em.findOneOrFail(ParticipantEntity, {
      where: { identityKey: input.identityKey },
      select: { id: true },
    });
    return row.id;
  }

  async findId(em: EntityManager, identityKey: string): Promise<number | undefined> {
    const row = await em.findOne(ParticipantEntity, { where: { identityKey }, select: { id: true } });
    return row?.id;
  }
}
