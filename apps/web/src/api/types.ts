import type { components } from './schema';

/** Response shapes the pages read: names for the generated schemas of the API's OpenAPI document. */
type Schemas = components['schemas'];

export type Category = Schemas['QuotaResponse']['category'];
export type RegistrationStatus = Schemas['RegistrationResponse']['status'];
export type UnitRef = Schemas['UnitRefResponse'];
export type ProgramSummary = Schemas['ProgramSummaryResponse'];
export type ActivitySummary = Schemas['ActivityResponse'];
export type Program = Schemas['ProgramResponse'];
export type Quota = Schemas['QuotaResponse'];
export type Session = Schemas['SessionResponse'];
export type Activity = Schemas['ActivityDetailResponse'];
export type RegistrationCreated = Schemas['RegistrationCreatedResponse'];
export type Registration = Schemas['RegistrationResponse'];
/** The API's error body (DESIGN.md, public HTTP contract); one the client builds itself has no `error`. */
export type ApiErrorBody = Omit<Schemas['ErrorResponse'], 'error'> & { error?: string };
