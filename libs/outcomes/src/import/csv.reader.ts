import { CsvError, parse } from 'csv-parse';
import { SheetRow } from './sheet';

/** Records handed over between two yields to the event loop. */
const YIELD_EVERY = 500;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
 * record's first line, so the rows after it are kept. Yields to the event loop every
 * {@link YIELD_EVERY} records, so a large file never holds the process.
 */
export async function* csvRows(text: string): AsyncGenerator<SheetRow> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(src);
  const lineStarts = [0];
  for (const m of src.matchAll(/\r\n|\n|\r/g)) lineStarts.push(m.index + m[0].length);

  let line = 0; // 0-based physical line the current pass starts on
  let row = 0; // records seen so far, in all passes
  while (line < lineStarts.length) {
    let lastLine = line; // physical lines consumed by this pass's good records
    let failed: CsvError | undefined;
    const parser = parse({
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      info: true,
      bom: false,
      skip_empty_lines: false,
    });
    const feed = async () => {
      const rest = src.slice(lineStarts[line]);
      for (let i = 0; i < rest.length && !parser.destroyed; i += 64 * 1024) {
        parser.write(rest.slice(i, i + 64 * 1024));
        await yieldToEventLoop();
      }
      if (!parser.destroyed) parser.end();
    };
    void feed();
    try {
      for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        row++;
        lastLine = line + rec.info.lines;
        yield { row, cells: rec.record };
        if (row % YIELD_EVERY === 0) await yieldToEventLoop();
      }
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      failed = error;
    }
    if (!failed) return;
    row++;
    yield { row, cells: [], error: csvProblem(failed) };
    // skip the bad record's first line and read on from the next one
    line = lastLine + 1;
  }
}

function csvProblem(e: CsvError): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'has a quote (") that is never closed; the rest of the file was read from the next line';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'has text right after a closing quote (")';
    default:
      return `cannot be read as CSV (${e.code})`;
  }
}
