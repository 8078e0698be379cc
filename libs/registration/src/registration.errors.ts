import { AppError, conflict, unprocessable } from '@app/core';

/** 409: the participant already holds an active registration for the session. */
export function alreadyRegistered(existing: { id: number; status: string }): AppError {
  return conflict(`Already registered for this session: registration ${existing.id} (${existing.status})`, {
    existingRegistrationId: existing.id,
    existingStatus: existing.status,
  }).as('registration_exists', { id: existing.id, status: existing.status });
}

/** 422: no seat left, and no waitlist place for this registration. */
export function sessionFull(category: string, waitlist: boolean): AppError {
  return unprocessable(`No seats left for ${category} in this session`, [
    {
      field: 'category',
      reason: waitlist
        ? 'quota is full (walk-ins are not waitlisted)'
        : 'quota is full and the session has no waitlist',
    },
  ]).as('session_full', { category });
}

/** 422: the session has no quota for the category. */
export function categoryNotOffered(category: string, sessionId: number): AppError {
  return unprocessable(`This session takes no registrations for category ${category}`, [
    { field: 'category', reason: `has no quota in session ${sessionId}` },
  ]).as('category_not_offered', { category });
}
