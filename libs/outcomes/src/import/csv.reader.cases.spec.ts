import { csvRows, detectDelimiter, EventLoopYielder, yieldToEventLoop } from './csv.reader';
import { SheetRow } from './sheet';

/** The CSV reader at its edges: delimiters, recovery, large files, and its turns on the event loop. */
const all = async (text: string): Promise<SheetRow[]> => {
  const rows: SheetRow[] = [];
  for await (const r of csvRows(text)) rows.push(r);
  return rows;
};

/** Whether a `setImmediate` queued before `step` ran by the time `step` was done. */
async function letOthersRun(step: () => Promise<void> | void): Promise<boolean> {
  let ran = false;
  setImmediate(() => (ran = true));
  await step();
  return ran;
}

describe(detectDelimiter.name, () => {
  it.each([
    ['a,b;c', ','],
    ['a;b\tc', ';'],
    ['a,b;c;', ';'],
    ['a,b\n1;2;3', ','],
    ['a,b\r1;2;3', ','],
    ['\na;b', ','],
    ['a\tb\t', '\t'],
  ])('reads %j as delimited by %j (the first line only; a tie keeps the earlier one)', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe(`${csvRows.name} at its edges`, () => {
  it('keeps rows of any width and empty lines, numbered as lines of the file', async () => {
    expect(await all('a,b\n1\n\n1,2,3\n')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['1', '2', '3'] },
    ]);
  });

  it('drops a byte order mark at the start of the file only', async () => {
    expect((await all('\uFEFF\uFEFFa')).map((r) => r.cells)).toEqual([['\uFEFFa']]);
    const rows = await all('h\n"a\n\uFEFFx');
    expect(rows.map((r) => r.cells)).toEqual([['h'], [], ['\uFEFFx']]);
  });

  it('says what is wrong with a bad record, and stops after an unclosed quote on the last line', async () => {
    expect(await all('h\n"a')).toEqual([
      { row: 1, cells: ['h'] },
      {
        row: 2,
        cells: [],
        error: 'has a quote (") that is never closed; the rest of the file was read from the next line',
      },
    ]);
    expect(await all('h\n"a"b\nok')).toEqual([
      { row: 1, cells: ['h'] },
      { row: 2, cells: [], error: 'has text right after a closing quote (")' },
      { row: 3, cells: ['ok'] },
    ]);
  });

  it('reads a file of many slices and thousands of records once each, in order', async () => {
    const lines = ['n,square'];
    for (let i = 1; i <= 6000; i++) lines.push(`${i},${i * i}`);
    const rows = await all(lines.join('\n'));
    expect(rows).toHaveLength(6001);
    expect(rows.every((r, i) => r.row === i + 1 && !r.error)).toBe(true);
    expect(rows.slice(1).every((r, i) => r.cells[0] === String(i + 1))).toBe(true);
    expect(rows[6000]!.cells).toEqual(['6000', '36000000']);
  });
});

describe('turns on the event loop', () => {
  it('yieldToEventLoop lets what is queued run first', async () => {
    expect(await letOthersRun(() => yieldToEventLoop())).toBe(true);
  });

  it('a yielder gives a turn only once its slice is used up, then starts a new slice', async () => {
    expect(await letOthersRun(() => new EventLoopYielder(60_000).maybeYield())).toBe(false);
    expect(await letOthersRun(() => new EventLoopYielder(0).maybeYield())).toBe(true);
    // a slice as long as the process has run: a fresh yielder is well inside it
    expect(await letOthersRun(() => new EventLoopYielder(performance.now()).maybeYield())).toBe(false);

    const yielder = new EventLoopYielder(40);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await letOthersRun(() => yielder.maybeYield())).toBe(true);
    expect(await letOthersRun(() => yielder.maybeYield())).toBe(false);
  });

  it('the reader gives turns while it reads', async () => {
    let turns = 0;
    const yielder = { maybeYield: () => Promise.resolve(void turns++) } as unknown as EventLoopYielder;
    let rows = 0;
    for await (const _ of csvRows('a\nb\nc', yielder)) rows++;
    expect([rows, turns]).toEqual([3, 3]);
  });
});
