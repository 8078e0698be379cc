import { AppError } from '@app/core/errors/app-error';
import { apprenticeshipColumns, apprenticeshipRows, judgeAgreementRow, normalizeDate } from './apprenticeship.rows';
import { SheetRow } from './sheet';

/** Each rule of the apprenticeship import at its edges, with the reasons written out. */
const header = ['mentorName', 'apprenticeName', 'enterpriseName', 'agreementType', 'signedOn', 'status', 'title'];
const index = apprenticeshipColumns(header);
const judge = (cells: string[], row = 7) => judgeAgreementRow(index, { row, cells });
const good = ['王师傅', '李徒弟', '泉州甲公司', 'skill_transfer', '2021-05-01'];

describe(apprenticeshipColumns.name, () => {
  it.each([
    ['mentorName', ['mentor', '师傅', '师傅姓名', 'Mentor_Name', 'mentor name', 'MENTOR-NAME']],
    ['apprenticeName', ['apprentice', '徒弟', '徒弟姓名', 'apprentice_name']],
    ['enterpriseName', ['enterprise', '企业', '企业名称', '单位名称', 'Enterprise Name']],
    ['agreementType', ['协议类型', '类型', 'agreement_type']],
    ['signedOn', ['签订日期', '签定日期', '签约日期', 'signed_on']],
    ['status', ['状态', 'STATUS']],
    ['title', ['标题', ' Title ']],
  ])('reads %s from each of its spellings', (column, spellings) => {
    for (const spelling of spellings) {
      const names = header.map((h) => (h === column ? spelling : h));
      expect(apprenticeshipColumns(names).get(column as 'title')).toBe(header.indexOf(column));
    }
  });

  it('takes the first of two columns with one meaning and ignores unknown ones', () => {
    const columns = apprenticeshipColumns(['备注', '师傅', ...header]);
    expect(columns.get('mentorName')).toBe(1);
    expect(columns.get('apprenticeName')).toBe(3);
    expect(columns.size).toBe(header.length);
  });

  it('fails the file with every missing required column named, and not for the optional ones', () => {
    let thrown: unknown;
    try {
      apprenticeshipColumns(['师傅', '类型', 'title']);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).details).toEqual([
      { field: 'file', reason: 'missing column(s): apprenticeName, enterpriseName, signedOn' },
    ]);
    expect(apprenticeshipColumns(header.slice(0, 5)).has('status')).toBe(false);
  });
});

describe(judgeAgreementRow.name, () => {
  it('builds a good row from trimmed cells: signed by default, with a title of its own', () => {
    expect(judge([' 王师傅 ', '李徒弟 ', ' 泉州甲公司', ' 技术攻关 ', ' 2021/5/1 '])).toEqual({
      good: {
        row: 7,
        mentorName: '王师傅',
        apprenticeName: '李徒弟',
        enterpriseName: '泉州甲公司',
        agreementType: 'technical_breakthrough',
        signedOn: '2021-05-01',
        status: 'signed',
        title: '师带徒协议：王师傅 带 李徒弟（泉州甲公司）',
      },
    });
  });

  it('keeps a given status (any case) and title, the title cut to 300 characters', () => {
    const sut = judge([...good.slice(0, 4), '', ' Intent ', '甲'.repeat(301)]);
    expect(sut).toMatchObject({ good: { status: 'intent', signedOn: null, title: '甲'.repeat(300) } });
    expect(judge([...good, 'cancelled', '结对'])).toMatchObject({ good: { status: 'cancelled', title: '结对' } });
  });

  it('passes on a row the reader could not read as one error on the file', () => {
    const unreadable: SheetRow = { row: 4, cells: good, error: 'has a quote' };
    expect(judgeAgreementRow(index, unreadable)).toEqual({
      errors: [{ row: 4, field: 'file', reason: 'has a quote' }],
    });
  });

  it('treats a row shorter than the header as blank cells', () => {
    expect(judge(['王师傅'])).toEqual({
      errors: [
        { row: 7, field: 'signedOn', reason: 'is required when the status is signed' },
        { row: 7, field: 'agreementType', reason: 'is required: technical_breakthrough or skill_transfer' },
        { row: 7, field: 'apprenticeName', reason: 'is required for this outcome type' },
        { row: 7, field: 'enterpriseName', reason: 'is required for this outcome type' },
      ],
    });
  });

  it('names a wrong agreement type, a wrong status and a long name once each', () => {
    const long = '名'.repeat(201);
    expect(judge(['王师傅', long, '泉州甲公司', 'apprentice', '2021-05-01', 'done'])).toEqual({
      errors: [
        {
          row: 7,
          field: 'agreementType',
          reason: 'must be technical_breakthrough or skill_transfer (技术攻关型/技能传授型)',
        },
        { row: 7, field: 'status', reason: 'must be one of intent, signed, cancelled' },
        { row: 7, field: 'apprenticeName', reason: 'must be at most 200 characters' },
      ],
    });
    expect(judge(['王师傅', '名'.repeat(200), '泉州甲公司', 'skill_transfer', '2021-05-01'])).toHaveProperty('good');
  });

  it('reports an impossible date under its column, not under parties', () => {
    expect(judge([...good.slice(0, 4), '2021-02-30'])).toEqual({
      errors: [{ row: 7, field: 'signedOn', reason: 'must be a real date (YYYY-MM-DD)' }],
    });
  });
});

describe(apprenticeshipRows.name, () => {
  it('keeps good rows and errors apart, in file order', () => {
    const sut = apprenticeshipRows({
      header,
      rows: [
        { row: 2, cells: good },
        { row: 3, cells: [], error: 'unreadable' },
        { row: 4, cells: [...good.slice(0, 3), 'technical_breakthrough', '2022-1-9'] },
      ],
    });
    expect(sut.good.map((g) => [g.row, g.signedOn])).toEqual([
      [2, '2021-05-01'],
      [4, '2022-01-09'],
    ]);
    expect(sut.errors).toEqual([{ row: 3, field: 'file', reason: 'unreadable' }]);
  });
});

describe(normalizeDate.name, () => {
  it.each([
    ['2021/5/1', '2021-05-01'],
    ['2021.12.31', '2021-12-31'],
    ['2021年5月1日', '2021-05-01'],
    ['2021年5月1', '2021-05-01'],
    [' 2021-05-01 ', '2021-05-01'],
    [' 2021-5-1 ', '2021-05-01'],
    ['2021-5-01', '2021-05-01'],
  ])('reads %s as %s', (raw, date) => expect(normalizeDate(raw)).toBe(date));

  it.each([
    ['x2021-5-1', 'x2021-5-1'],
    ['2021-5-1x', '2021-5-1x'],
    ['21-5-1', '21-5-1'],
    ['2021-123-1', '2021-123-1'],
    ['2021-1-123', '2021-1-123'],
    ['2021 5 1', '2021 5 1'],
    [' 2021-5 ', '2021-5'],
  ])('leaves %s as it is, trimmed', (raw, kept) => expect(normalizeDate(raw)).toBe(kept));
});
