import { AgreementType } from './outcome.types';

/** The document's own names are accepted for the two kinds of 师带徒 agreement. */
const AGREEMENT_ALIASES: Record<string, AgreementType> = {
  技术攻关型: 'technical_breakthrough',
  技术攻关: 'technical_breakthrough',
  技能传授型: 'skill_transfer',
  技能传授: 'skill_transfer',
};

export const toAgreementType = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().replace(/^[“"]|[”"]$/g, '');
  return AGREEMENT_ALIASES[v] ?? v.toLowerCase();
};
