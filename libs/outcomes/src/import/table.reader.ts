import ExcelJS from 'exceljs';
import { invalidField } from '@app/core';
import { parseCsv } from './csv.parser';

/** A data row with its number as a person sees it in the file (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Reads the first worksheet of an XLSX file or a UTF-8 CSV (told apart by content, not by
 * name). Blank rows are skipped but keep their numbers, so reported row numbers match the file.
 */
export async function readSheet(file: Buffer): Promise<Sheet> {
  const records = isZip(file) ? await readXlsx(file) : readCsv(file);
  const [first, ...rest] = records;
  if (!first || first.cells.every((c) => c.trim() === ''))
    throw invalidField('file', 'is empty: expected a header row');
  return {
    header: first.cells.map((c) => c.trim()),
    rows: rest.filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

function readCsv(file: Buffer): SheetRow[] {
  const text = file.toString('utf8');
  if (text.includes('\uFFFD')) throw invalidField('file', 'is not UTF-8 text: save the CSV as UTF-8 or upload XLSX');
  return parseCsv(text).map((cells, i) => ({ row: i + 1, cells }));
}

async function readXlsx(file: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalidField('file', 'is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidField('file', 'has no worksheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
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
