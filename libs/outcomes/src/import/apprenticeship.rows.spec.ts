import { apprenticeshipRows, normalizeDate } from './apprenticeship.rows';

const header = ['mentorName', 'apprenticeName', 'enterpriseName', 'agreementType', 'signedOn'];

describe(apprenticeshipRows.name, () => {
  it('turns good rows into agreements and accepts the document’s Chinese type names', () => {
    const sut = apprenticeshipRows({
      header,
      rows: [
        { row: 2, cells: ['王师傅', '李徒弟', '泉州甲公司', 'technical_breakthrough', '2021-05-01'] },
        { row: 3, cells: ['陈师傅', '林徒弟', '泉州乙公司', '技能传授型', '2021/6/8'] },
      ],
    });
    expect(sut.errors).toEqual([]);
    expect(sut.good.map((g) => [g.row, g.agreementType, g.signedOn, g.status])).toEqual([
      [2, 'technical_breakthrough', '2021-05-01', 'signed'],
      [3, 'skill_transfer', '2021-06-08', 'signed'],
    ]);
    expect(sut.good[0]!.title).toBe('师带徒协议：王师傅 带 李徒弟（泉州甲公司）');
  });

  it('reports each bad cell with its row and column', () => {
    const sut = apprenticeshipRows({
      header,
      rows: [
        { row: 2, cells: ['', '李徒弟', '泉州甲公司', 'apprentice', '2021-05-01'] },
        { row: 4, cells: ['王师傅', '李徒弟', '泉州甲公司', 'skill_transfer', '2021-02-30'] },
        { row: 5, cells: ['王师傅', '李徒弟', '泉州甲公司', 'skill_transfer', ''] },
      ],
    });
    expect(sut.good).toEqual([]);
    expect(sut.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'agreementType'],
      [2, 'mentorName'],
      [4, 'signedOn'],
      [5, 'signedOn'],
    ]);
  });

  it('maps Chinese headers and fails the file when a column is missing', () => {
    const zh = apprenticeshipRows({
      header: ['师傅姓名', '徒弟姓名', '企业名称', '协议类型', '签订日期'],
      rows: [{ row: 2, cells: ['王', '李', '甲', '技术攻关型', '2021年5月1日'] }],
    });
    expect(zh.good).toHaveLength(1);
    expect(() => apprenticeshipRows({ header: ['mentorName'], rows: [] })).toThrow(/missing column/);
  });
});

describe(normalizeDate.name, () => {
  it('pads and unifies separators', () => {
    expect(normalizeDate('2021.5.1')).toBe('2021-05-01');
    expect(normalizeDate('not a date')).toBe('not a date');
  });
});
