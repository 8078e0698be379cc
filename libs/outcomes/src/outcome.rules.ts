import type { FieldProblem } from '@app/core/errors/field-problem';
import { checkUscc } from '@app/registration/identifiers/uscc';
import { AgreementType, OutcomeParties, OutcomeStatus } from './outcome.types';

export interface OutcomeInput {
  type: string;
  status: OutcomeStatus;
  agreementType?: AgreementType | null;
  signedOn?: string | null;
  parties?: OutcomeParties | null;
}

/** True for a real calendar date written YYYY-MM-DD (2021-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/**
 * What is wrong with an outcome, field by field. `linkedCategories` are the categories of
 * the registrations it names: a linked enterprise or PhD registration stands in for a name.
 * Pure, so the API and the bulk import judge rows alike.
 */
export function outcomeProblems(input: OutcomeInput, linkedCategories: string[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const parties = input.parties ?? {};
  const need = (field: keyof OutcomeParties, reason = 'is required for this outcome type') => {
    if (!parties[field]) problems.push({ field: `parties.${field}`, reason });
  };

  if (input.signedOn && !isCalendarDate(input.signedOn)) {
    problems.push({ field: 'signedOn', reason: 'must be a real date (YYYY-MM-DD)' });
  }
  if (input.status === 'signed' && !input.signedOn) {
    problems.push({ field: 'signedOn', reason: 'is required when the status is signed' });
  }
  if (input.type === 'apprenticeship_agreement') {
    if (!input.agreementType) {
      problems.push({ field: 'agreementType', reason: 'is required: technical_breakthrough or skill_transfer' });
    }
    need('mentorName');
    need('apprenticeName');
    need('enterpriseName');
  } else if (input.agreementType) {
    problems.push({ field: 'agreementType', reason: 'applies to apprenticeship_agreement only' });
  }
  if (input.type === 'cooperation_intent') {
    if (!linkedCategories.includes('enterprise'))
      need('enterpriseName', 'is required unless an enterprise registration is linked');
    if (!linkedCategories.includes('phd')) need('phdName', 'is required unless a PhD registration is linked');
  }
  if (parties.enterpriseUscc) {
    const r = checkUscc(parties.enterpriseUscc);
    if (!r.ok) problems.push({ field: 'parties.enterpriseUscc', reason: r.reason });
  }
  return problems;
}

const MOVES: Record<OutcomeStatus, OutcomeStatus[]> = {
  intent: ['signed', 'cancelled'],
  signed: ['cancelled'],
  cancelled: [],
};

/** Intents get signed or cancelled; signed ones can only be cancelled; cancelled is final. */
export const canMove = (from: OutcomeStatus, to: OutcomeStatus): boolean => from === to || MOVES[from].includes(to);
