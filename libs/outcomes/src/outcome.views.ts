import { maskNamesIn, maskPersonalData, maskPersonName } from '@app/registration';
import { OutcomeEntity, OutcomeParties } from './entities';

export interface OutcomeView {
  id: number;
  activityId: number;
  sessionId: number | null;
  type: string;
  agreementType: string | null;
  title: string;
  status: string;
  signedOn: string | null;
  parties: OutcomeParties;
  details: Record<string, unknown>;
  /** null for callers who may not see personal data */
  registrationIds: number[] | null;
  createdAt: string;
  updatedAt: string;
}

const PERSON_FIELDS: (keyof OutcomeParties)[] = ['phdName', 'mentorName', 'apprenticeName', 'personName'];

/** 王师傅 → 王**: enough to recognise a record, not to identify a person. */
export const maskName = maskPersonName;

/** The API shape; `reveal` is whether the caller may see personal data of this activity. */
export function outcomeView(o: OutcomeEntity, reveal: boolean): OutcomeView {
  if (reveal) return view(o, o.title, { ...(o.parties ?? {}) }, o.details ?? {}, o.registrationIds ?? []);
  // anonymous and other callers: person names, and phone, ID numbers and emails wherever they
  // stand in details (any key, any depth, free text); names masked inside the title too
  const names = new Set<string>();
  const parties = { ...(o.parties ?? {}) };
  for (const f of PERSON_FIELDS) {
    const name = parties[f]?.trim();
    if (!name) continue;
    names.add(name);
    parties[f] = maskName(name);
  }
  const details = maskPersonalData(o.details ?? {}, names);
  return view(o, maskNamesIn(o.title, names), parties, details, null);
}

function view(
  o: OutcomeEntity,
  title: string,
  parties: OutcomeParties,
  details: Record<string, unknown>,
  registrationIds: number[] | null,
): OutcomeView {
  return {
    id: o.id,
    activityId: o.activityId,
    sessionId: o.sessionId,
    type: o.type,
    agreementType: o.agreementType,
    title,
    status: o.status,
    signedOn: o.signedOn,
    parties,
    details,
    registrationIds,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
