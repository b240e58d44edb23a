/** JSON text → value, or a problem naming line and column. */
import type { DataFile, Problem } from './problems.ts';

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** JSON.parse with a problem naming line and column instead of an exception. */
export function parseJson(file: DataFile): { value: unknown } | { problem: Problem } {
  try {
    return { value: JSON.parse(file.text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    let where: string;
    if (lc) where = `line ${lc[1]}, column ${lc[2]}`;
    else if (pos) {
      const { line, column } = lineColumn(file.text, Number(pos[1]));
      where = `line ${line}, column ${column}`;
    } else {
      const { line, column } = lineColumn(file.text, file.text.length);
      where = `line ${line}, column ${column} (end of file)`;
    }
    const reason = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+.*$/, '');
    return { problem: { file: file.file, message: `invalid JSON at ${where}: ${reason}` } };
  }
}
