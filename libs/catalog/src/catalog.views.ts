import { ActivityEntity, ProgramEntity, TargetEntity, UnitEntity } from './entities';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface TargetView {
  id: number;
  code: string;
  programId: number;
  seriesId: number | null;
  activityId: number | null;
  metric: string;
  label: string;
  target: number;
  comparator: string;
  qualifier: string | null;
  unit: string;
  period: string;
  dueOn: string | null;
  source: string;
  /** flow or stock */
  measure: string;
  scope: TargetEntity['scope'];
  text: string;
  note: string | null;
  responsibleUnits: UnitRef[];
}

export interface ActivityView {
  id: number;
  code: string;
  programId: number;
  seriesId: number;
  ordinal: number;
  label: string;
  title: string;
  shortTitle: string | null;
  kind: string;
  window: { start: string; end: string; text: string };
  city: string | null;
  mode: string;
  adjustable: boolean;
  content: string;
  hostRole: string;
  hostUnitsOpenEnded: boolean;
  leadNote: string | null;
  leadUnits: UnitRef[];
  hostUnits: UnitRef[];
  parts: { title: string; leadUnits: UnitRef[] }[] | null;
  deliverables: string[];
  note: string | null;
  targets: TargetView[];
}

export interface ProgramSummaryView {
  code: string;
  title: string;
  documentNumber: string | null;
  issuedOn: string;
  period: { start: string; end: string; text: string };
  seriesCount: number;
  activityCount: number;
  targetCount: number;
}

export const unitRef = (u: UnitEntity): UnitRef => ({ id: u.id, code: u.code, name: u.name });

export function targetView(t: TargetEntity, units: Map<number, UnitEntity>): TargetView {
  return {
    id: t.id,
    code: t.code,
    programId: t.programId,
    seriesId: t.seriesId,
    activityId: t.activityId,
    metric: t.metric,
    label: t.label,
    target: t.value,
    comparator: t.comparator,
    qualifier: t.qualifier,
    unit: t.unit,
    period: t.period,
    dueOn: t.dueOn,
    source: t.source,
    measure: t.measure,
    scope: t.scope,
    text: t.text,
    note: t.note,
    responsibleUnits: t.responsibleUnitIds.map((id) => unitRef(units.get(id)!)),
  };
}

export function activityView(
  a: ActivityEntity,
  leadUnits: UnitEntity[],
  hostUnits: UnitEntity[],
  targets: TargetView[],
  units: Map<number, UnitEntity>,
): ActivityView {
  return {
    id: a.id,
    code: a.code,
    programId: a.programId,
    seriesId: a.seriesId,
    ordinal: a.ordinal,
    label: a.label,
    title: a.title,
    shortTitle: a.shortTitle,
    kind: a.kind,
    window: { start: a.windowStart, end: a.windowEnd, text: a.windowText },
    city: a.city,
    mode: a.mode,
    adjustable: a.adjustable,
    content: a.content,
    hostRole: a.hostRole,
    hostUnitsOpenEnded: a.hostUnitsOpenEnded,
    leadNote: a.leadNote,
    leadUnits: leadUnits.map(unitRef),
    hostUnits: hostUnits.map(unitRef),
    parts:
      a.parts?.map((p) => ({ title: p.title, leadUnits: p.leadUnitIds.map((id) => unitRef(units.get(id)!)) })) ?? null,
    deliverables: a.deliverables ?? [],
    note: a.note,
    targets,
  };
}

export function programSummary(
  p: ProgramEntity,
  counts: { series: number; activities: number; targets: number },
): ProgramSummaryView {
  return {
    code: p.code,
    title: p.title,
    documentNumber: p.documentNumber,
    issuedOn: p.issuedOn,
    period: { start: p.periodStart, end: p.periodEnd, text: p.periodText },
    seriesCount: counts.series,
    activityCount: counts.activities,
    targetCount: counts.targets,
  };
}
