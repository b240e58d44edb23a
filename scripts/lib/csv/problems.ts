/** Where a CSV problem is: file, row as the spreadsheet shows it, column letter and name. */

/** A cell of the spreadsheet. */
export interface CsvCell {
  /** 1-based row as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column name from row 1. */
  column?: string;
  /** The column letter (A, B, …, Z, AA, …); absent when the column itself is missing. */
  letter?: string;
}

export interface CsvProblem extends CsvCell {
  file: string;
  /** The cooperation id, where known. */
  id?: string;
  /** The field inside the record the cell maps to (e.g. "partners[1].region"), where it does. */
  field?: string;
  message: string;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `file, row N, column X (name), record "id": message` */
export function formatCsvProblem(p: CsvProblem): string {
  const parts = [p.file, `row ${p.row}`];
  if (p.column !== undefined)
    parts.push(p.letter ? `column ${p.letter} (${p.column})` : `column ${p.column}`);
  else if (p.letter) parts.push(`column ${p.letter}`);
  if (p.id) parts.push(`record "${p.id}"`);
  return `${parts.join(', ')}: ${p.message}`;
}

/** A value shortened for a message (one line, at most 60 characters, quoted). */
export function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 57)}…` : flat);
}
