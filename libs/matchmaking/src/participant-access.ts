import { Injectable } from '@nestjs/common';
import { forbidden, unauthorized, unprocessable } from '@app/core';
import { AuthUser } from '@app/identity';
import { RegistrationEntity, RegistrationsService } from '@app/registration';

/**
 * Participants act through their manage token (no account). Without a token nobody may act for
 * them: 401 anonymous, 403 signed in (organizers see the matrix instead).
 */
@Injectable()
export class ParticipantAccess {
  constructor(private readonly registrations: RegistrationsService) {}

  async holder(registrationId: number, token: string | undefined, user?: AuthUser): Promise<RegistrationEntity> {
    if (token === undefined) {
      if (!user) throw unauthorized('The manage token (?token=) of the registration is required');
      throw forbidden('Only the holder of the manage token can act for a participant');
    }
    const reg = await this.registrations.getEntity(registrationId);
    if (!this.registrations.holdsToken(reg, token)) {
      throw forbidden('Invalid manage token for this registration').as('invalid_manage_token');
    }
    if (reg.status !== 'confirmed') {
      throw unprocessable(
        `Registration ${reg.id} is ${reg.status}: only confirmed registrants take part in matchmaking`,
        [{ field: 'registration', reason: `is ${reg.status}` }],
      );
    }
    return reg;
  }
}
