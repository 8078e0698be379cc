import { parseCsv } from './csv.parser';

describe(parseCsv.name, () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    const sut = parseCsv('a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,2,3\n');
    expect(sut).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '2', '3'],
    ]);
  });

  it('drops a UTF-8 BOM and keeps a last line without a newline', () => {
    expect(parseCsv('\uFEFF师傅,徒弟\n王,李')).toEqual([
      ['师傅', '徒弟'],
      ['王', '李'],
    ]);
  });

  it('keeps empty cells and empty lines', () => {
    expect(parseCsv('a,,c\n\n,,\n')).toEqual([['a', '', 'c'], [''], ['', '', '']]);
  });

  it('accepts tab-separated files', () => {
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
