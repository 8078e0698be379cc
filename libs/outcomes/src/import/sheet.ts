/** A data row with its number as a person sees it in the file (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
  /** set when the row could not be read at all (e.g. an unclosed quote) */
  error?: string;
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}
