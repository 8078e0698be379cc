/**
 * The facts of a 通报 (progress bulletin), frozen when it is issued. The bulletin module stores
 * them as its snapshot and puts them in every bulletin mail, so the worker renders the mail and
 * its XLSX from the payload alone.
 */
export type BulletinStatus = 'met' | 'on_track' | 'behind' | 'not_started';

export interface BulletinTargetFacts {
  id: number;
  code: string;
  label: string;
  /** `二 博士人才活动`, null for program-level targets without a series */
  series: string | null;
  /** `（二） 泉博会…`, null for program-level targets */
  activity: string | null;
  /** responsible units, lead first */
  units: { id: number; name: string }[];
  comparator: string;
  target: number;
  unit: string;
  actual: number;
  ratio: number;
  status: BulletinStatus;
  /** the period judged, for yearly / half-yearly targets */
  periodLabel: string | null;
  /** against the previous bulletin; null when there is none or it did not have this target */
  change: { actual: number; ratio: number; previousStatus: BulletinStatus } | null;
}

export interface BulletinSeriesSummary {
  /** null: the whole program */
  series: string | null;
  activities: number;
  met: number;
  onTrack: number;
  behind: number;
  notStarted: number;
}

export interface BulletinFacts {
  bulletinId: number;
  program: { code: string; title: string };
  /** 2022-H1, 2022-Q3, 2022-07 */
  periodLabel: string;
  /** ISO instant the numbers are as of */
  asOf: string;
  previous: { id: number; periodLabel: string; asOf: string } | null;
  summary: BulletinSeriesSummary[];
  /** behind-schedule targets first, grouped by lead unit; then the others in plan order */
  targets: BulletinTargetFacts[];
  /** lead units with behind-schedule targets, in the order of `targets` */
  behindByUnit: { unitId: number; unit: string; targetIds: number[] }[];
  /** responsible units with no report for the period on their `reported` targets */
  notReported: { unitId: number; unit: string; targets: string[] }[];
}

/** The payload of a `bulletin_issued` mail: a lead unit's organizer (unit set) or an administrator (unit null). */
export interface BulletinMailFacts {
  recipientName: string;
  /** the lead unit whose section goes first */
  unit: { id: number; name: string } | null;
  bulletin: BulletinFacts;
}
