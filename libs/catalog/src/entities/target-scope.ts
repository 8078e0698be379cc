/** Which counted things a target's number is made of (a plan file's `scope:`). */
export interface TargetScopeRow {
  sessionLevels?: string[];
  category?: string;
  participantLevels?: string[];
  outcomeType?: string;
  agreementType?: string;
  statuses?: string[];
}
