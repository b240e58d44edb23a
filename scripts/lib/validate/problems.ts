/** What the validator reports, and the collector every check writes to. */

export interface Problem {
  file: string;
  /** The record id, where the problem belongs to a record. */
  id?: string;
  /** The field, as a path inside the record (e.g. "partners[1].region"). */
  field?: string;
  message: string;
}

export interface DataFile {
  file: string;
  text: string;
}

/** `file, record "id", field f: message` */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.id ? `record "${p.id}"` : '', p.field ? `field ${p.field}` : '']
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

export interface Checker {
  problems: Problem[];
  add(file: string, id: string | undefined, field: string | undefined, message: string): void;
}

export function checker(): Checker {
  const problems: Problem[] = [];
  return {
    problems,
    add(file, id, field, message) {
      const p: Problem = { file, message };
      if (id !== undefined) p.id = id;
      if (field !== undefined) p.field = field;
      problems.push(p);
    },
  };
}
