import { CsvError, parse } from 'csv-parse';
import { SheetRow } from './sheet';

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Gives the event loop a turn whenever the caller has held it for {@link EventLoopYielder.sliceMs}:
 * long work in slices, so other requests (health, registrations) are answered in between.
 */
export class EventLoopYielder {
  private since = performance.now();
  constructor(private readonly sliceMs = 10) {}

  async maybeYield(): Promise<void> {
    if (performance.now() - this.since < this.sliceMs) return;
    await yieldToEventLoop();
    this.since = performance.now();
  }
}

/** `,` unless the header line has more `;` or tabs (exports of other tools and locales). */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const header = end < 0 ? text : text.slice(0, end);
  const count = (d: string) => header.split(d).length - 1;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/**
 * The records of a UTF-8 CSV, parsed by csv-parse (BOM dropped, `,` `;` or tab detected from the
 * header, quoted fields with delimiters, doubled quotes and line breaks). Rows are numbered as
 * records, the header being row 1. A record the parser cannot read (an unclosed quote swallows
 * the rest of the file) becomes a row with `error`, and parsing resumes on the line after that
 * record's first line, so the rows after it are kept. Yields to the event loop in slices of a
 * few milliseconds, so a large file never holds the process.
 */
export async function* csvRows(text: string, yielder = new EventLoopYielder()): AsyncGenerator<SheetRow> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(src);
  const lineStarts = [0];
  for (const m of src.matchAll(/\r\n|\n|\r/g)) lineStarts.push(m.index + m[0].length);

  let line = 0; // 0-based physical line the current pass starts on
  let row = 0; // records seen so far, in all passes
  while (line < lineStarts.length) {
    let lastLine = line; // physical lines consumed by this pass's good records
    const pass = parsePass(src.slice(lineStarts[line]), delimiter);
    for (let rec = await pass.next(); rec; rec = await pass.next()) {
      row++;
      lastLine = line + rec.info.lines;
      yield { row, cells: rec.record };
      await yielder.maybeYield();
    }
    if (!pass.failed) return;
    row++;
    yield { row, cells: [], error: csvProblem(pass.failed) };
    // skip the bad record's first line and read on from the next one
    line = lastLine + 1;
  }
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * One csv-parse run over `text`, fed in small slices. Records are taken from 'data' events into
 * a queue, so every record parsed before an error is delivered before the error is seen (a
 * stream iterator drops what it buffered when it throws).
 */
function parsePass(text: string, delimiter: string) {
  const queue: ParsedRecord[] = [];
  let head = 0;
  let ended = false;
  let wake: (() => void) | undefined;
  const state: { failed?: Error; next: () => Promise<ParsedRecord | undefined> } = {
    next: async () => {
      while (head >= queue.length && !ended) await new Promise<void>((resolve) => (wake = resolve));
      if (head < queue.length) {
        const rec = queue[head]!;
        queue[head++] = undefined as unknown as ParsedRecord;
        return rec;
      }
      return undefined;
    },
  };
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    info: true,
    bom: false,
    skip_empty_lines: false,
  });
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  parser.on('data', (rec: ParsedRecord) => {
    queue.push(rec);
    notify();
  });
  parser.on('error', (error: Error) => {
    state.failed = error;
    ended = true;
    notify();
  });
  parser.on('end', () => {
    ended = true;
    notify();
  });
  void (async () => {
    for (let i = 0; i < text.length && !ended; i += 4 * 1024) {
      parser.write(text.slice(i, i + 4 * 1024));
      // small slices, and no more than a few thousand records waiting for the reader
      do await yieldToEventLoop();
      while (queue.length - head > 2000 && !ended);
    }
    if (!ended) parser.end();
  })();
  return state;
}

function csvProblem(e: Error): string {
  switch (e instanceof CsvError ? e.code : undefined) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'has a quote (") that is never closed; the rest of the file was read from the next line';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'has text right after a closing quote (")';
    default:
      return `cannot be read as CSV (${e instanceof CsvError ? e.code : e.message})`;
  }
}
