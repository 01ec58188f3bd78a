// CSV for spreadsheets: RFC 4180 quoting, a cell that a spreadsheet would read as a formula (= + - @)
// kept as text, a byte-order mark so that Excel reads UTF-8 (Kazakh and Russian names), CRLF lines.

export type CsvValue = string | number | null;

export function csvCell(v: CsvValue): string {
  const s = v === null ? '' : String(v);
  const formula = /^[=+\-@]/.test(s);
  return /[",\n\r]/.test(s) || formula ? `"${(formula ? `'${s}` : s).replace(/"/g, '""')}"` : s;
}

/** Rows (the first the header; an empty row separates tables) as one CSV document. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
