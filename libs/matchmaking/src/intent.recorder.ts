import { Injectable } from '@nestjs/common';
import { AuthUser } from '@app/identity';
import { CreateOutcomeDto, OutcomesService } from '@app/outcomes';
import { RegistrationsService, SessionsService } from '@app/registration';
import { MatchMeetingEntity } from './entities';

/** The platform itself records intents that both sides of a meeting declared (not an organizer). */
const MATCHMAKING_ACTOR: AuthUser = {
  id: 0,
  email: 'matchmaking@system',
  role: 'admin',
  unitIds: [],
  sessionIds: [],
};

/**
 * Turns 达成意向 from both sides into one cooperation_intent outcome naming both parties,
 * through OutcomesService. The Idempotency-Key is the pair (by participant identity) within the
 * activity, and the body depends on the pair alone: a pair that met twice — or both sides
 * answering at once, in any process — yields the first outcome again, counted once.
 */
@Injectable()
export class IntentRecorder {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly registrations: RegistrationsService,
    private readonly sessions: SessionsService,
  ) {}

  async record(m: MatchMeetingEntity): Promise<number> {
    const session = await this.sessions.getSession(m.sessionId);
    const regs = await this.registrations.getEntities([m.enterpriseRegistrationId, m.partnerRegistrationId]);
    const enterprise = regs.find((r) => r.id === m.enterpriseRegistrationId)!;
    const partner = regs.find((r) => r.id === m.partnerRegistrationId)!;
    const uscc = typeof enterprise.profile?.uscc === 'string' ? enterprise.profile.uscc : undefined;
    const parties =
      partner.category === 'phd'
        ? {
            enterpriseName: enterprise.name,
            phdName: partner.name,
            ...(typeof partner.profile?.institution === 'string'
              ? { institutionName: partner.profile.institution }
              : {}),
          }
        : { enterpriseName: enterprise.name, institutionName: partner.name, phdName: partner.name };
    const dto: CreateOutcomeDto = Object.assign(new CreateOutcomeDto(), {
      type: 'cooperation_intent',
      title: `对接洽谈合作意向：${enterprise.name} × ${partner.name}`,
      status: 'intent',
      parties: { ...parties, ...(uscc ? { enterpriseUscc: uscc } : {}) },
      details: {
        source: 'matchmaking',
        enterpriseParticipantId: enterprise.participantId,
        partnerParticipantId: partner.participantId,
      },
    });
    const key = `matchmaking-pair:${enterprise.participantId}:${partner.participantId}`;
    // The outcome tallies deadlock under many concurrent creates (INSERT IGNORE + UPDATE of one row);
    // the Idempotency-Key makes another attempt safe, so keep trying a little longer than the transaction does.
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.outcomes.create(MATCHMAKING_ACTOR, session.activityId, dto, key)).id;
      } catch (error) {
        if (!isDeadlock(error) || attempt >= EXTRA_ATTEMPTS) throw error;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 100));
      }
    }
  }
}

const EXTRA_ATTEMPTS = 10;

function isDeadlock(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e.driverError?.code ?? e.code) === 'ER_LOCK_DEADLOCK';
}
