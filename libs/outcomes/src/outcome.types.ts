/** An outcome's statuses, agreement types and parties: what the rules read, without the entity. */
export const OUTCOME_STATUSES = ['intent', 'signed', 'cancelled'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export const AGREEMENT_TYPES = ['technical_breakthrough', 'skill_transfer'] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

/** Who an outcome is between; which names are required depends on the type. */
export interface OutcomeParties {
  enterpriseName?: string;
  enterpriseUscc?: string;
  phdName?: string;
  institutionName?: string;
  mentorName?: string;
  apprenticeName?: string;
  personName?: string;
}
