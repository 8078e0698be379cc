import ExcelJS from 'exceljs';

export interface RosterRow {
  id: number;
  category: string;
  name: string;
  unitName: string | null;
  uscc: string | null;
  phone: string | null;
  idNumber: string | null;
  status: string;
  checkedInAt: Date | null;
}

type Lang = 'zh-CN' | 'en';

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': [
    '序号',
    '报名编号',
    '类别',
    '姓名/名称',
    '单位名称',
    '统一社会信用代码',
    '手机号',
    '证件号',
    '状态',
    '签到时间',
  ],
  en: ['No.', 'Registration', 'Category', 'Name', 'Unit', 'USCC', 'Phone', 'ID number', 'Status', 'Checked in'],
};

const CATEGORY: Record<string, string> = {
  enterprise: '企业',
  phd: '博士',
  skilled_talent: '技能人才',
  graduate: '高校毕业生',
  worker: '职工',
  institution: '机构',
  startup_team: '创业团队',
};

const STATUS: Record<string, string> = {
  confirmed: '已确认',
  pending_approval: '待审核',
  waitlisted: '候补',
  cancelled: '已取消',
  rejected: '未通过',
};

/** 2021-05-18 09:03:00 in Beijing time (UTC+8, no daylight saving). */
export const beijingTime = (d: Date): string =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** The 签到表: one row per registration, Chinese headers and labels unless English is asked for. */
export async function rosterXlsx(title: string, rows: RosterRow[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(lang === 'en' ? 'Check-in list' : '签到表');
  sheet.addRow([title]);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(HEADERS[lang]);
  sheet.getRow(2).font = { bold: true };
  rows.forEach((r, i) =>
    sheet.addRow([
      i + 1,
      r.id,
      lang === 'en' ? r.category : (CATEGORY[r.category] ?? r.category),
      r.name,
      r.unitName ?? '',
      r.uscc ?? '',
      r.phone ?? '',
      r.idNumber ?? '',
      lang === 'en' ? r.status : (STATUS[r.status] ?? r.status),
      r.checkedInAt ? beijingTime(r.checkedInAt) : '',
    ]),
  );
  [6, 10, 10, 28, 30, 22, 14, 22, 10, 20].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
