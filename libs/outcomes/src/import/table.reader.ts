import ExcelJS from 'exceljs';
import { invalidField } from '@app/core';
import { csvRows, EventLoopYielder } from './csv.reader';
import { SheetRow } from './sheet';
import { unpackedSize } from './zip.size';

export type { Sheet, SheetRow } from './sheet';

/** A sheet read as it goes: the header, then the data rows one by one. */
export interface SheetStream {
  header: string[];
  rows: AsyncIterable<SheetRow>;
}

export interface ReadLimits {
  /** total unpacked size of an XLSX, checked from the ZIP directory before anything is unpacked */
  maxXlsxUnpackedBytes: number;
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Reads the first worksheet of an XLSX file or a UTF-8 CSV (told apart by content, not by
 * name). Blank rows are skipped but keep their numbers, so reported row numbers match the file.
 */
export async function readSheet(file: Buffer, limits: ReadLimits): Promise<SheetStream> {
  const records = isZip(file) ? xlsxRows(file, limits) : csvFileRows(file);
  const iterator = records[Symbol.asyncIterator]();
  let first = await iterator.next();
  // an unreadable first line is still the header line
  while (!first.done && first.value.error) first = await iterator.next();
  if (first.done || first.value.cells.every((c) => c.trim() === ''))
    throw invalidField('file', 'is empty: expected a header row');
  const header = first.value.cells.map((c) => c.trim());
  return {
    header,
    rows: (async function* () {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (next.value.error || next.value.cells.some((c) => c.trim() !== '')) yield next.value;
      }
    })(),
  };
}

function csvFileRows(file: Buffer): AsyncGenerator<SheetRow> {
  const text = file.toString('utf8');
  if (text.includes('\uFFFD')) throw invalidField('file', 'is not UTF-8 text: save the CSV as UTF-8 or upload XLSX');
  return csvRows(text);
}

async function* xlsxRows(file: Buffer, limits: ReadLimits): AsyncGenerator<SheetRow> {
  const size = unpackedSize(file);
  if (size === undefined) throw invalidField('file', 'is not a readable XLSX workbook');
  if (size > limits.maxXlsxUnpackedBytes) {
    throw invalidField(
      'file',
      `unpacks to ${size} bytes, more than the ${limits.maxXlsxUnpackedBytes} allowed: split the workbook`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalidField('file', 'is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidField('file', 'has no worksheet');
  const yielder = new EventLoopYielder();
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    if (!row || !row.hasValues) continue;
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    yield { row: r, cells };
    await yielder.maybeYield();
  }
}

/** The text a person sees in a cell: dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}
