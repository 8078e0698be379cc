/**
 * Every machine code an error response can carry. Clients switch on these, so the list only
 * grows: a code is never renamed or reused for another meaning. Each has a zh-CN and an en message
 * in `i18n/*.json` (a unit test holds the three together).
 */
export const ERROR_CODES = [
  // generic, one per kind of failure (the helpers' defaults)
  'validation_failed',
  'not_found',
  'conflict',
  'unprocessable',
  'unauthorized',
  'forbidden',
  'too_many_requests',
  'service_unavailable',
  'internal_error',
  // the request itself
  'malformed_json',
  'body_too_deep',
  'body_too_large',
  'invalid_characters',
  'unsupported_media_type',
  'method_not_allowed',
  'route_not_found',
  // identifiers (GB standards)
  'invalid_uscc',
  'invalid_id_number',
  'invalid_mobile',
  // identity
  'invalid_credentials',
  'token_invalid',
  'token_expired',
  'invalid_manage_token',
  'user_exists',
  'cannot_change_own_account',
  'own_unit_only',
  // registration
  'registration_exists',
  'session_full',
  'category_not_offered',
  'registration_closed',
  'registration_window_closed',
  'session_ended',
  'invalid_status_transition',
  'wrong_session',
  'capacity_below_taken',
  'idempotency_key_reused',
  'registration_checked_in',
  'registration_not_rejected',
  'session_cancelled',
  'session_not_started',
  // attendance
  'not_confirmed',
  'check_in_refused',
  // outcomes, progress, notifications
  'invalid_file',
  'outcome_duplicate',
  'date_in_future',
  'import_too_many_rows',
  'target_not_reportable',
  'not_responsible_unit',
  'notification_already_sent',
  // matchmaking
  'matchmaking_not_enabled',
  'matchmaking_closed',
  'matchmaking_profile_required',
  'meeting_request_limit',
  'meeting_request_exists',
  'meeting_not_open',
  'meeting_not_accepted',
  'meeting_slot_taken',
  'schedule_changed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The code an error gets when its throw site names none. */
export function defaultCode(statusCode: number): ErrorCode {
  switch (statusCode) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 413:
      return 'body_too_large';
    case 415:
      return 'unsupported_media_type';
    case 422:
      return 'unprocessable';
    case 429:
      return 'too_many_requests';
    case 503:
      return 'service_unavailable';
    default:
      return statusCode >= 500 ? 'internal_error' : 'validation_failed';
  }
}
