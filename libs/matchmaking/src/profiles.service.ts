import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { invalid, notFound, unprocessable } from '@app/core';
import { RegistrationEntity, RegistrationsService } from '@app/registration';
import { MatchMeetingEntity, MatchProfileDetails, MatchProfileEntity } from './entities';
import { BrowseQuery, MatchProfileDto } from './matchmaking.dto';
import { matchScore } from './matching';
import { contactOf, ContactView, explain, profileView, ProfileView, SuggestionView } from './profile.views';
import { MatchmakingSettingsService } from './settings.service';
import { MATCH_SIDES, partnerSides } from './vocabulary';

/**
 * Profiles, suggestions and browsing. Contact data comes from the registration and is added
 * to a profile only for a viewer with an accepted meeting with its owner.
 */
@Injectable()
export class ProfilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: MatchmakingSettingsService,
    private readonly registrations: RegistrationsService,
  ) {}

  async publish(reg: RegistrationEntity, dto: MatchProfileDto): Promise<ProfileView> {
    await this.settings.require(reg.sessionId);
    const side = reg.category;
    if (!(MATCH_SIDES as readonly string[]).includes(side)) {
      throw unprocessable(`A ${side} registration does not take part in matchmaking`, [
        { field: 'category', reason: `matchmaking pairs ${MATCH_SIDES.join(', ')}` },
      ]);
    }
    const details: MatchProfileDetails =
      side === 'enterprise'
        ? {
            technicalNeeds: dto.technicalNeeds,
            positionNeeds: dto.positionNeeds,
            cooperationModes: dto.cooperationModes,
          }
        : { expertise: dto.expertise, researchProjects: dto.researchProjects };
    const wrongSide =
      side === 'enterprise'
        ? (['expertise', 'researchProjects'] as const)
        : (['technicalNeeds', 'positionNeeds', 'cooperationModes'] as const);
    const problems = wrongSide
      .filter((f) => dto[f] !== undefined)
      .map((f) => ({ field: f, reason: `does not apply to a ${side} profile` }));
    if (side === 'enterprise' && !dto.technicalNeeds && !dto.positionNeeds) {
      problems.push({ field: 'technicalNeeds', reason: 'an enterprise states 技术需求 or 岗位需求 (positionNeeds)' });
    }
    if (side !== 'enterprise' && !dto.expertise) problems.push({ field: 'expertise', reason: 'is required' });
    if (problems.length) throw invalid(problems, `${problems[0]!.field}: ${problems[0]!.reason}`);
    for (const k of Object.keys(details) as (keyof MatchProfileDetails)[])
      if (details[k] === undefined) delete details[k];

    const organization =
      side === 'phd' && typeof reg.profile?.institution === 'string' ? reg.profile.institution : null;
    const repo = this.db.getRepository(MatchProfileEntity);
    const values = {
      sessionId: reg.sessionId,
      participantId: reg.participantId,
      side,
      displayName: reg.name,
      organization,
      published: dto.published ?? true,
      acceptsSuggested: dto.acceptsSuggested ?? false,
      headline: dto.headline ?? null,
      tags: [...new Set(dto.tags)],
      keywords: [...new Set((dto.keywords ?? []).filter(Boolean))],
      details,
      updatedAt: new Date(),
    };
    // upsert without touching the open-request counter; the primary key makes a race harmless
    const updated = await repo.update({ registrationId: reg.id }, values);
    if (!updated.affected) {
      await repo
        .createQueryBuilder()
        .insert()
        .values({ registrationId: reg.id, openRequests: 0, ...values })
        .orIgnore()
        .execute();
      await repo.update({ registrationId: reg.id }, values);
    }
    return profileView((await repo.findOneByOrFail({ registrationId: reg.id }))!);
  }

  async own(reg: RegistrationEntity): Promise<ProfileView> {
    const p = await this.db.getRepository(MatchProfileEntity).findOneBy({ registrationId: reg.id });
    if (!p) throw notFound('Matchmaking profile of registration', reg.id);
    return profileView(p);
  }

  /** The published profiles of the other side, ranked by overlap with the caller's profile. */
  async suggestions(reg: RegistrationEntity, limit = 20): Promise<SuggestionView[]> {
    const mine = await this.requireOwn(reg);
    const others = await this.otherSide(mine);
    const contacts = await this.revealedContacts(reg.id);
    return others
      .map((p) => ({ p, s: matchScore(mine, p) }))
      .filter((x) => x.s.score > 0)
      .sort((a, b) => b.s.score - a.s.score || a.p.registrationId - b.p.registrationId)
      .slice(0, limit)
      .map(({ p, s }) => ({ ...s, explanation: explain(s), profile: profileView(p, contacts.get(p.registrationId)) }));
  }

  /** Browse and search the other side's published profiles (by tag and text). */
  async browse(reg: RegistrationEntity, q: BrowseQuery): Promise<{ items: ProfileView[]; total: number }> {
    const mine = await this.requireOwn(reg);
    const needle = q.q?.toLowerCase();
    const contacts = await this.revealedContacts(reg.id);
    const items = (await this.otherSide(mine))
      .filter((p) => !q.tag || p.tags.includes(q.tag))
      .filter((p) => {
        if (!needle) return true;
        const text = [
          p.displayName,
          p.organization,
          p.headline,
          ...p.keywords,
          ...p.tags,
          ...Object.values(p.details).flat(),
        ]
          .filter(Boolean)
          .join(' ')
          .toLowerCase();
        return text.includes(needle);
      })
      .map((p) => profileView(p, contacts.get(p.registrationId)));
    return { items, total: items.length };
  }

  async requireOwn(reg: RegistrationEntity): Promise<MatchProfileEntity> {
    const p = await this.db.getRepository(MatchProfileEntity).findOneBy({ registrationId: reg.id });
    if (!p) {
      throw unprocessable('Publish your matchmaking profile first', [
        { field: 'profile', reason: 'no matchmaking profile for this registration' },
      ]).as('matchmaking_profile_required');
    }
    return p;
  }

  async profilesOf(ids: number[]): Promise<Map<number, MatchProfileEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(MatchProfileEntity).findBy({ registrationId: In([...new Set(ids)]) });
    return new Map(rows.map((p) => [p.registrationId, p]));
  }

  /** Contact data of everyone the registration has an accepted meeting with. */
  async revealedContacts(registrationId: number): Promise<Map<number, ContactView>> {
    const meetings = await this.db.getRepository(MatchMeetingEntity).find({
      where: [
        { enterpriseRegistrationId: registrationId, status: 'accepted' },
        { partnerRegistrationId: registrationId, status: 'accepted' },
      ],
    });
    const ids = meetings.map((m) =>
      m.enterpriseRegistrationId === registrationId ? m.partnerRegistrationId : m.enterpriseRegistrationId,
    );
    if (!ids.length) return new Map();
    const regs = await this.registrations.getEntities([...new Set(ids)]);
    return new Map(regs.map((r) => [r.id, contactOf(r)]));
  }

  private otherSide(mine: MatchProfileEntity): Promise<MatchProfileEntity[]> {
    return this.db.getRepository(MatchProfileEntity).find({
      where: { sessionId: mine.sessionId, side: In(partnerSides(mine.side)), published: true },
      order: { registrationId: 'ASC' },
    });
  }
}
