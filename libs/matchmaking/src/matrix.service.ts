import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AuthUser } from '@app/identity';
import { MatchMeetingEntity, MatchProfileEntity, MatchSlotEntity } from './entities';
import { MatchmakingSettingsService, settingsView, SettingsView } from './settings.service';
import { MEETING_RESULTS } from './vocabulary';

export interface MatrixCell {
  meetingId: number;
  tableNo: number;
  slotNo: number;
  enterprise: { registrationId: number; name: string };
  partner: { registrationId: number; name: string; organization: string | null };
  enterpriseResult: string | null;
  partnerResult: string | null;
  outcomeId: number | null;
}

export interface MatrixView {
  settings: SettingsView;
  cells: MatrixCell[];
  /** accepted meetings without a table and slot */
  unplaced: number[];
  /** meetings where a side recorded that the other did not come */
  noShows: number[];
  /** accepted meetings by recorded result of each side ('none' = not yet recorded) */
  results: Record<string, number>;
  requests: Record<string, number>;
  /** distinct cooperation-intent outcomes the meetings produced (a pair counts once) */
  intents: number;
}

const RESULT_LABEL: Record<string, string> = {
  no_deal: '未达成',
  continue: '继续洽谈',
  intent: '达成意向',
  no_show: '未到场',
};

/** The organizer's view of a session's matchmaking: tables × slots, no-shows, results; XLSX export. */
@Injectable()
export class MatrixService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: MatchmakingSettingsService,
  ) {}

  async matrix(user: AuthUser, sessionId: number): Promise<MatrixView> {
    const { settings } = await this.settings.manage(user, sessionId);
    const meetings = await this.db.getRepository(MatchMeetingEntity).findBy({ sessionId });
    const slots = new Map(
      (await this.db.getRepository(MatchSlotEntity).findBy({ sessionId })).map((s) => [s.meetingId, s]),
    );
    const profiles = new Map(
      (await this.db.getRepository(MatchProfileEntity).findBy({ sessionId })).map((p) => [p.registrationId, p]),
    );
    const accepted = meetings.filter((m) => m.status === 'accepted');
    const cells = accepted
      .filter((m) => slots.has(m.id))
      .map((m): MatrixCell => {
        const s = slots.get(m.id)!;
        const e = profiles.get(m.enterpriseRegistrationId);
        const p = profiles.get(m.partnerRegistrationId);
        return {
          meetingId: m.id,
          tableNo: s.tableNo,
          slotNo: s.slotNo,
          enterprise: { registrationId: m.enterpriseRegistrationId, name: e?.displayName ?? '' },
          partner: {
            registrationId: m.partnerRegistrationId,
            name: p?.displayName ?? '',
            organization: p?.organization ?? null,
          },
          enterpriseResult: m.enterpriseResult,
          partnerResult: m.partnerResult,
          outcomeId: m.outcomeId,
        };
      })
      .sort((a, b) => a.slotNo - b.slotNo || a.tableNo - b.tableNo);
    const results: Record<string, number> = Object.fromEntries([...MEETING_RESULTS, 'none'].map((r) => [r, 0]));
    for (const m of accepted) for (const r of [m.enterpriseResult, m.partnerResult]) results[r ?? 'none']! += 1;
    const requests: Record<string, number> = {};
    for (const m of meetings) requests[m.status] = (requests[m.status] ?? 0) + 1;
    return {
      settings: settingsView(settings),
      cells,
      unplaced: accepted.filter((m) => !slots.has(m.id)).map((m) => m.id),
      noShows: accepted
        .filter((m) => m.enterpriseResult === 'no_show' || m.partnerResult === 'no_show')
        .map((m) => m.id),
      results,
      requests,
      intents: new Set(accepted.map((m) => m.outcomeId).filter((id) => id !== null)).size,
    };
  }

  /** The matrix as a workbook: a tables × slots grid and one row per placed meeting with its results. */
  async xlsx(user: AuthUser, sessionId: number): Promise<Buffer> {
    const view = await this.matrix(user, sessionId);
    const wb = new ExcelJS.Workbook();
    const grid = wb.addWorksheet('对接矩阵');
    const fmt = (iso: string) =>
      new Date(iso).toLocaleTimeString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      });
    grid.addRow(['时段（北京时间）', ...Array.from({ length: view.settings.tableCount }, (_, i) => `第${i + 1}桌`)]);
    for (const slot of view.settings.slots) {
      const row: string[] = [`${slot.slotNo}. ${fmt(slot.startsAt)}–${fmt(slot.endsAt)}`];
      for (const c of view.cells.filter((x) => x.slotNo === slot.slotNo)) {
        row[c.tableNo] = `${c.enterprise.name} × ${c.partner.name}`;
      }
      grid.addRow(row);
    }
    grid.getRow(1).font = { bold: true };
    const list = wb.addWorksheet('洽谈结果');
    list.addRow(['洽谈编号', '时段', '桌号', '企业', '博士/院校', '单位', '企业反馈', '对方反馈', '合作意向成果编号']);
    for (const c of view.cells) {
      list.addRow([
        c.meetingId,
        c.slotNo,
        c.tableNo,
        c.enterprise.name,
        c.partner.name,
        c.partner.organization ?? '',
        c.enterpriseResult ? RESULT_LABEL[c.enterpriseResult] : '未填写',
        c.partnerResult ? RESULT_LABEL[c.partnerResult] : '未填写',
        c.outcomeId ?? '',
      ]);
    }
    list.getRow(1).font = { bold: true };
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
