import { invalidField } from '@app/core/errors/app-error';
import type { FieldProblem } from '@app/core/errors/field-problem';
import { toAgreementType } from '../agreement-type';
import { AGREEMENT_TYPES, AgreementType, OUTCOME_STATUSES, OutcomeStatus } from '../outcome.types';
import { outcomeProblems } from '../outcome.rules';
import { Sheet, SheetRow } from './sheet';

/** One good row, ready to insert. */
export interface AgreementRow {
  row: number;
  mentorName: string;
  apprenticeName: string;
  enterpriseName: string;
  agreementType: AgreementType;
  signedOn: string | null;
  status: OutcomeStatus;
  title: string;
}

export interface RowError extends Omit<FieldProblem, 'code'> {
  row: number;
  /** a stable code for rows that are fine but not counted: `duplicate` */
  code?: string;
}

const COLUMNS = ['mentorName', 'apprenticeName', 'enterpriseName', 'agreementType', 'signedOn'] as const;
const OPTIONAL = ['status', 'title'] as const;
type Column = (typeof COLUMNS)[number] | (typeof OPTIONAL)[number];

/** Header spellings seen in unions' spreadsheets, besides the contract's own names. */
const ALIASES: Record<string, Column> = {
  mentor: 'mentorName',
  师傅: 'mentorName',
  师傅姓名: 'mentorName',
  apprentice: 'apprenticeName',
  徒弟: 'apprenticeName',
  徒弟姓名: 'apprenticeName',
  enterprise: 'enterpriseName',
  企业: 'enterpriseName',
  企业名称: 'enterpriseName',
  单位名称: 'enterpriseName',
  协议类型: 'agreementType',
  类型: 'agreementType',
  签订日期: 'signedOn',
  签定日期: 'signedOn',
  签约日期: 'signedOn',
  状态: 'status',
  标题: 'title',
};

const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();
const CANONICAL = new Map<string, Column>(
  [...COLUMNS, ...OPTIONAL]
    .map((c) => [squash(c), c] as [string, Column])
    .concat(Object.entries(ALIASES).map(([k, v]) => [squash(k), v])),
);

/** 2021/5/1, 2021.5.1 and 2021年5月1日 as YYYY-MM-DD; anything else is returned unchanged. */
export function normalizeDate(raw: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : raw.trim();
}

export type ColumnIndex = Map<Column, number>;

/** Where each column is; a missing required column fails the whole file (400): no row could be judged. */
export function apprenticeshipColumns(header: string[]): ColumnIndex {
  const index: ColumnIndex = new Map();
  header.forEach((h, i) => {
    const c = CANONICAL.get(squash(h));
    if (c && !index.has(c)) index.set(c, i);
  });
  const missing = COLUMNS.filter((c) => !index.has(c));
  if (missing.length) throw invalidField('file', `missing column(s): ${missing.join(', ')}`);
  return index;
}

/** Splits a sheet of apprenticeship agreements into good rows and errors `{row, field, reason}`. */
export function apprenticeshipRows(sheet: Sheet): { good: AgreementRow[]; errors: RowError[] } {
  const index = apprenticeshipColumns(sheet.header);
  const good: AgreementRow[] = [];
  const errors: RowError[] = [];
  for (const r of sheet.rows) {
    const judged = judgeAgreementRow(index, r);
    if ('errors' in judged) errors.push(...judged.errors);
    else good.push(judged.good);
  }
  return { good, errors };
}

/** One row: an agreement ready to insert, or what is wrong with it, cell by cell. */
export function judgeAgreementRow(
  index: ColumnIndex,
  { row, cells, error }: SheetRow,
): { good: AgreementRow } | { errors: RowError[] } {
  if (error) return { errors: [{ row, field: 'file', reason: error }] };
  const get = (c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? '').trim() : '');
  const problems: FieldProblem[] = [];
  const agreementType = toAgreementType(get('agreementType')) as string;
  if (get('agreementType') && !(AGREEMENT_TYPES as readonly string[]).includes(agreementType)) {
    problems.push({
      field: 'agreementType',
      reason: 'must be technical_breakthrough or skill_transfer (技术攻关型/技能传授型)',
    });
  }
  const status = (get('status') || 'signed').toLowerCase();
  if (!(OUTCOME_STATUSES as readonly string[]).includes(status)) {
    problems.push({ field: 'status', reason: `must be one of ${OUTCOME_STATUSES.join(', ')}` });
  }
  const signedOn = get('signedOn') ? normalizeDate(get('signedOn')) : null;
  const parties = {
    mentorName: get('mentorName'),
    apprenticeName: get('apprenticeName'),
    enterpriseName: get('enterpriseName'),
  };
  for (const [field, value] of Object.entries(parties)) {
    if (value.length > 200) problems.push({ field, reason: 'must be at most 200 characters' });
  }
  const rules = outcomeProblems({
    type: 'apprenticeship_agreement',
    status: status as OutcomeStatus,
    agreementType: get('agreementType') ? (agreementType as AgreementType) : null,
    signedOn,
    parties,
  });
  // the file has columns, not the API's nested fields
  for (const p of rules) {
    const field = p.field.replace(/^parties\./, '');
    if (!problems.some((q) => q.field === field)) problems.push({ field, reason: p.reason });
  }
  if (problems.length) return { errors: problems.map((p) => ({ row, ...p })) };
  const title =
    get('title') || `师带徒协议：${parties.mentorName} 带 ${parties.apprenticeName}（${parties.enterpriseName}）`;
  return {
    good: {
      row,
      ...parties,
      agreementType: agreementType as AgreementType,
      signedOn,
      status: status as OutcomeStatus,
      title: title.slice(0, 300),
    },
  };
}
