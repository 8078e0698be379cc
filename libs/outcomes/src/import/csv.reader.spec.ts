import { csvRows, detectDelimiter } from './csv.reader';
import { SheetRow } from './sheet';

const all = async (text: string): Promise<SheetRow[]> => {
  const rows: SheetRow[] = [];
  for await (const r of csvRows(text)) rows.push(r);
  return rows;
};

describe(csvRows.name, () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes', async () => {
    expect(await all('a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,2,3\n')).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['x, y', 'say "hi"', 'line1\nline2'] },
      { row: 3, cells: ['1', '2', '3'] },
    ]);
  });

  it('drops a UTF-8 BOM and keeps a last line without a newline', async () => {
    expect((await all('\uFEFF师傅,徒弟\n王,李')).map((r) => r.cells)).toEqual([
      ['师傅', '徒弟'],
      ['王', '李'],
    ]);
  });

  it('detects semicolon and tab delimiters from the header', async () => {
    expect((await all('a;b\n"1;x";2')).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1;x', '2'],
    ]);
    expect((await all('a\tb\n1\t2')).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(detectDelimiter('a,b;c;d\n')).toBe(';');
  });

  it('turns an unclosed quote in row 3 of 10 into an error on row 3 and keeps every other row', async () => {
    const lines = ['h1,h2'];
    for (let i = 2; i <= 10; i++) lines.push(i === 3 ? '"broken,x' : `r${i},v${i}`);
    const rows = await all(lines.join('\n'));
    expect(rows.filter((r) => r.error).map((r) => r.row)).toEqual([3]);
    expect(rows.filter((r) => !r.error).map((r) => r.cells[0])).toEqual([
      'h1',
      'r2',
      'r4',
      'r5',
      'r6',
      'r7',
      'r8',
      'r9',
      'r10',
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[2]!.error).toMatch(/quote/);
  });

  it('recovers from several bad rows, each reported once', async () => {
    const rows = await all('h\n"a\nok1\nb"x\nok2');
    expect(rows.filter((r) => r.error).map((r) => r.row)).toEqual([2, 4]);
    expect(rows.filter((r) => !r.error).map((r) => r.cells[0])).toEqual(['h', 'ok1', 'ok2']);
  });
});
