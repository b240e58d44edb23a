import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CSV_COLUMNS,
  columnLetter,
  cooperationsToCsv,
  csvRowCount,
  csvToCooperations,
  formatCsvProblem,
  type CsvColumn,
  type CsvProblem,
} from '../../scripts/lib/csv.ts';
import type { CooperationRecord, SourceRecord } from '../../src/data/model.ts';
import { createCooperation } from './fixtures.ts';

const REAL_JSON = readFileSync('data/cooperations.json', 'utf8');
const REAL = JSON.parse(REAL_JSON) as { version: string; cooperations: CooperationRecord[] };
const VERSION = '2026.12.1';

const source = (over: Partial<SourceRecord> = {}): SourceRecord => ({
  url: 'https://example.org/a',
  publisher: 'Ex',
  publisherKind: 'trade-press',
  published: '2013-11',
  title: 'A',
  supports: ['signed', 'partners', 'lead', 'projects'],
  ...over,
});

/** Records that exercise every corner of the layout. */
function edgeRecords(): CooperationRecord[] {
  return [
    {
      id: 'edge-full-2013',
      title: {
        de: 'Kooperation „Süd–Ost“, mit Komma; Semikolon und "Anführungszeichen"',
        en: 'Cooperation "South–East", with comma; semicolon',
      },
      summary: {
        de: 'Erste Zeile.\nZweite Zeile mit Umlauten: ÄÖÜäöüß – und ein Komma, ein ";" und "Zitat".',
        en: 'Line one,\nline two;\n\nafter a blank line "quoted" — end',
      },
      signed: '2013-11',
      effective: '2014',
      ended: '2020-06-30',
      kind: 'state-treaty',
      partners: [
        { region: 'DE-BE', organisation: 'itdz-berlin', role: 'lead' },
        { region: 'DE-BB', organisation: 'zit-bb', role: 'member' },
        { region: 'DE-MV', joined: '2015-01-01' },
        { region: '14612000', organisation: 'lecos', joined: '2016' },
        { region: 'DE' },
      ],
      projects: [
        {
          title: { de: 'Mobiles Arbeiten, "sicher"', en: 'Mobile working; securely' },
          summary: { de: 'Mit\nZeilenumbruch.', en: 'With, comma.' },
          lead: 'itdz-berlin',
        },
        { title: { de: 'Ohne Zusammenfassung', en: 'Without summary' }, lead: 'DE-BB' },
      ],
      topics: ['digital-workplace', 'it-security', 'open-source'],
      sources: [
        source({
          url: 'https://example.org/a?x=1,2;3&y="z"',
          publisher: 'Senat, Berlin',
          publisherKind: 'party',
          published: '2013-11-29',
          title: 'Pressemitteilung: „Vertrag“ unterzeichnet',
          supports: ['signed', 'partners', 'lead', 'joined:DE-MV', 'summary'],
        }),
        {
          url: 'http://example.org/b',
          publisher: 'B',
          publisherKind: 'press',
          title: 'Ohne Datum',
          supports: ['projects'],
        },
        source({
          url: 'https://example.org/c',
          publisher: 'Dritte',
          published: '2014',
          title: 'C',
          supports: ['effective', 'ended', 'joined:lecos'],
        }),
      ],
      note: {
        de: 'Notiz mit "Anführungszeichen", Komma; Semikolon\r und Wagenrücklauf',
        en: 'Note with a carriage return\r and CRLF\r\nin the middle',
      },
    },
    {
      id: 'edge-minimal',
      title: { de: ' führendes Leerzeichen', en: 'trailing space ' },
      summary: { de: 'Kurz.', en: 'Short.' },
      signed: '2020',
      kind: 'declaration',
      partners: [{ region: 'DE-SN' }, { region: 'DE-TH' }],
      topics: ['governance'],
      sources: [source({ url: 'https://example.org/d', publisher: 'P', title: 'T' })],
    },
  ];
}

/** A valid record with known rows: 3 cooperation, 4–5 partners, 6 project, 7 source. */
function small(): CooperationRecord {
  return createCooperation({ sources: [source()] });
}

const csvOf = (records: CooperationRecord[], delimiter?: ',' | ';'): string =>
  cooperationsToCsv({ version: VERSION, cooperations: records }, delimiter ? { delimiter } : {});

const roundTrip = (records: CooperationRecord[]): CooperationRecord[] => {
  const result = csvToCooperations(csvOf(records), 'test.csv');
  expect(result.problems).toEqual([]);
  expect(result.version).toBe(VERSION);
  return result.records;
};

/** The export of small() as lines without the BOM (line 0 = row 1 = header, 1 = dataset row). */
const smallLines = (): string[] => csvOf([small()]).slice(1).replace(/\r\n$/, '').split('\r\n');

/** One CSV line with the given cells (unquoted: tests only use plain values). */
function line(cells: Partial<Record<CsvColumn, string>>): string {
  return CSV_COLUMNS.map((c) => cells[c] ?? '').join(',');
}

function importLines(lines: string[]): { records: CooperationRecord[]; problems: CsvProblem[] } {
  return csvToCooperations(lines.join('\n'), 'data/cooperations.csv');
}
function only(problems: CsvProblem[]): CsvProblem {
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  return problems[0]!;
}
const letterOf = (column: CsvColumn): string => columnLetter(CSV_COLUMNS.indexOf(column));

describe('CSV round trip', () => {
  it('reproduces the real dataset exactly, including the version and the key order', () => {
    expect(REAL.cooperations.length).toBeGreaterThan(0);
    const result = csvToCooperations(cooperationsToCsv(REAL), 'real.csv');
    expect(result.problems).toEqual([]);
    expect(result.version).toBe(REAL.version);
    expect(result.records).toEqual(REAL.cooperations);
    expect(JSON.stringify(result.records, null, 2)).toBe(
      JSON.stringify(REAL.cooperations, null, 2),
    );
  });

  it('reproduces edge cases: quotes, commas, semicolons, line breaks, umlauts, absent fields', () => {
    const records = edgeRecords();
    const back = roundTrip(records);
    expect(JSON.stringify(back)).toBe(JSON.stringify(records));
    expect(back[1]).not.toHaveProperty('effective');
    expect(back[1]).not.toHaveProperty('projects');
    expect(back[1]).not.toHaveProperty('note');
    expect(back[0]!.projects![1]).not.toHaveProperty('summary');
    expect(back[0]!.sources[1]).not.toHaveProperty('published');
  });

  it('keeps a CRLF or a CR inside a cell exactly', () => {
    const record = small();
    record.summary = { de: 'Zeile eins\r\nZeile zwei', en: 'one\rtwo\n\r\nthree' };
    const csv = csvOf([record]);
    expect(csv).toContain('"Zeile eins\r\nZeile zwei"');
    expect(roundTrip([record])[0]!.summary).toEqual(record.summary);
  });

  it('escapes formulae in the written CSV and restores the text on import', () => {
    const record = small();
    record.title = { de: '=HYPERLINK("http://x")', en: '-Test' };
    record.summary = { de: '+49 30 1234', en: '@home' };
    record.note = { de: '\tmit Tabulator', en: "'apostrophe and '=x" };
    record.sources = [source({ title: '\rCR first', publisher: "'=SUM(A1)" })];
    const csv = csvOf([record]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"'-Test"`);
    expect(csv).toContain(`"'+49 30 1234"`);
    expect(csv).toContain(`"''apostrophe and '=x"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(roundTrip([record])).toEqual([record]);
  });

  it('survives the semicolon delimiter (German Excel)', () => {
    const records = edgeRecords();
    const csv = csvOf(records, ';');
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(';')}`);
    const result = csvToCooperations(csv, 'x.csv');
    expect(result.problems).toEqual([]);
    expect(JSON.stringify(result.records)).toBe(JSON.stringify(records));
  });

  it('reads tab-delimited input', () => {
    const tabbed = smallLines().map((l) => l.split(',').join('\t'));
    const result = importLines(tabbed);
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([small()]);
  });

  it('writes UTF-8 with a BOM, a header row, a dataset row, one row per thing and CRLF ends', () => {
    const csv = csvOf([small()]);
    expect(csv.startsWith('\uFEFFid,row_type,version,title_de,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = smallLines();
    expect(lines).toHaveLength(1 + csvRowCount([small()]));
    expect(lines.map((l) => l.split(',')[1])).toEqual([
      'row_type',
      'dataset',
      'cooperation',
      'partner',
      'partner',
      'project',
      'source',
    ]);
    expect(lines[1]).toBe(line({ row_type: 'dataset', version: VERSION }));
    expect(lines[2]).toContain(',2013-11,,,agreement,digital-workplace,');
    expect(lines[3]).toBe(
      line({
        id: 'be-bb-test-2013',
        row_type: 'partner',
        partner_region: 'DE-BE',
        partner_organisation: 'itdz-berlin',
        partner_role: 'lead',
      }),
    );
    expect(lines[6]).toContain(',trade-press,2013-11,A,signed;partners;lead;projects');
  });

  it('accepts LF, CRLF or CR row ends, with or without the BOM', () => {
    const records = [small(), edgeRecords()[1]!];
    const csv = csvOf(records);
    const variants = [
      csv,
      csv.slice(1),
      csv.replace(/\r\n/g, '\n'),
      csv.slice(1).replace(/\r\n/g, '\r'),
    ];
    for (const v of variants) {
      const result = csvToCooperations(v, 'x.csv');
      expect(result.problems).toEqual([]);
      expect(JSON.stringify(result.records)).toBe(JSON.stringify(records));
    }
  });

  it('tolerates what spreadsheet editing leaves: column order, blank rows, empty ids, repeats', () => {
    const lines = smallLines();
    // Reverse the column order and upper-case the header.
    const reorder = (l: string): string => l.split(',').reverse().join(',');
    const reversed = [reorder(lines[0]!).toUpperCase(), ...lines.slice(1).map(reorder)];
    expect(importLines(reversed).records).toEqual([small()]);

    // Blank rows, an empty id on a partner row, a repeated (agreeing) cooperation field.
    const edited = [
      lines[0]!,
      lines[1]!,
      lines[2]!,
      ','.repeat(CSV_COLUMNS.length - 1),
      '',
      line({
        row_type: 'partner',
        partner_region: 'DE-BE',
        partner_organisation: 'itdz-berlin',
        partner_role: 'lead',
      }),
      line({
        id: 'be-bb-test-2013',
        row_type: 'partner',
        title_de: 'Kooperation Berlin–Brandenburg',
        kind: 'agreement',
        partner_region: 'DE-BB',
        partner_organisation: 'zit-bb',
      }),
      ...lines.slice(5),
    ];
    const result = importLines(edited);
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([small()]);
  });

  it('attaches rows to their cooperation by id, wherever they are', () => {
    const lines = smallLines();
    const second = line({
      id: 'second',
      row_type: 'cooperation',
      title_de: 'Zweite',
      title_en: 'Second',
      summary_de: 'Z.',
      summary_en: 'S.',
      signed: '2020',
      kind: 'pilot',
      topics: 'ai-data;registers',
    });
    // The second partner of the first cooperation is appended at the bottom.
    const result = importLines([
      lines[0]!,
      lines[1]!,
      lines[2]!,
      lines[3]!,
      lines[5]!,
      lines[6]!,
      second,
      line({ id: 'second', row_type: 'partner', partner_region: 'DE-SN' }),
      lines[4]!,
    ]);
    expect(result.problems).toEqual([]);
    expect(result.records[0]).toEqual(small());
    expect(result.records[1]).toMatchObject({
      id: 'second',
      topics: ['ai-data', 'registers'],
      partners: [{ region: 'DE-SN' }],
      sources: [],
    });
  });

  it('lets optional columns be left out', () => {
    const dropped = [
      'effective',
      'ended',
      'note_de',
      'note_en',
      'partner_joined',
      'source_published',
    ];
    const keep = CSV_COLUMNS.filter((c) => !dropped.includes(c));
    const record = small();
    delete record.sources[0]!.published;
    const full = csvOf([record]).slice(1).split('\r\n');
    const index = keep.map((c) => CSV_COLUMNS.indexOf(c));
    const cut = full.map((l) => (l ? index.map((i) => l.split(',')[i]).join(',') : l));
    const result = csvToCooperations(cut.join('\r\n'), 'x.csv');
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([record]);
  });

  it('locates every record field in its cell', () => {
    const result = csvToCooperations(csvOf([small()]), 'x.csv');
    const id = 'be-bb-test-2013';
    expect(result.locate(id, 'partners[1].region')).toEqual({
      row: 5,
      column: 'partner_region',
      letter: letterOf('partner_region'),
    });
    expect(result.locate(id, 'projects[0].lead')).toMatchObject({ row: 6, column: 'project_lead' });
    expect(result.locate(id, 'sources[0].published')).toMatchObject({
      row: 7,
      column: 'source_published',
    });
    expect(result.locate(id, 'sources[0].supports[1]')).toMatchObject({
      row: 7,
      column: 'source_supports',
    });
    expect(result.locate(id, 'topics[0]')).toMatchObject({ row: 3, column: 'topics' });
    expect(result.locate(id, 'note.en')).toMatchObject({ row: 3, column: 'note_en' });
    expect(result.locate(id, 'partners')).toMatchObject({ row: 3, column: 'id', letter: 'A' });
    expect(result.locate('nope', 'signed')).toBeUndefined();
  });
});

describe('CSV import problems (each with row and column)', () => {
  it('formats a problem as file, row, column letter and name, record', () => {
    expect(
      formatCsvProblem({
        file: 'data/cooperations.csv',
        row: 7,
        column: 'partner_region',
        letter: 'O',
        id: 'x',
        message: 'boom',
      }),
    ).toBe('data/cooperations.csv, row 7, column O (partner_region), record "x": boom');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
  });

  it('reports an unknown column in row 1', () => {
    const lines = smallLines();
    lines[0] += ',remarks';
    const p = only(importLines(lines).problems);
    expect(p).toMatchObject({
      file: 'data/cooperations.csv',
      row: 1,
      column: 'remarks',
      letter: columnLetter(CSV_COLUMNS.length),
    });
    expect(p.message).toContain('unknown column "remarks"');
  });

  it('reports a missing required column in row 1', () => {
    const kind = CSV_COLUMNS.indexOf('kind');
    const lines = smallLines().map((l) =>
      l
        .split(',')
        .filter((_, i) => i !== kind)
        .join(','),
    );
    const p = only(importLines(lines).problems);
    expect(p).toMatchObject({ row: 1, column: 'kind', message: 'missing required column "kind"' });
  });

  it('reports a column that appears twice', () => {
    const lines = smallLines();
    lines[0] = lines[0]!.replace('note_de', 'kind');
    const p = only(importLines(lines).problems);
    expect(p).toMatchObject({ row: 1, column: 'kind', letter: letterOf('note_de') });
    expect(p.message).toContain(`appears twice (also column ${letterOf('kind')})`);
  });

  it('reports a missing, a second or a misplaced dataset row', () => {
    const lines = smallLines();
    const missing = only(importLines([lines[0]!, ...lines.slice(2)]).problems);
    expect(missing).toMatchObject({ row: 1, column: 'version', letter: letterOf('version') });
    expect(missing.message).toContain('no dataset row');

    const second = only(importLines([...lines, lines[1]!]).problems);
    expect(second).toMatchObject({ row: 8, column: 'row_type' });
    expect(second.message).toContain('a second dataset row (the first is row 2)');

    lines[2] = lines[2]!.replace(`,cooperation,,`, `,cooperation,${VERSION},`);
    const misplaced = only(importLines(lines).problems);
    expect(misplaced).toMatchObject({ row: 3, column: 'version', id: 'be-bb-test-2013' });
    expect(misplaced.message).toContain('belongs to dataset rows');
  });

  it('reports a row that belongs to no cooperation', () => {
    const lines = smallLines();
    const stray = line({ id: 'nope', row_type: 'partner', partner_region: 'DE-SN' });
    const p = only(importLines([...lines, stray]).problems);
    expect(p).toMatchObject({ row: 8, column: 'id', letter: 'A', id: 'nope' });
    expect(p.message).toContain('belongs to no cooperation');

    const orphan = line({
      row_type: 'source',
      source_url: 'https://x.org',
      source_publisher: 'P',
      source_publisher_kind: 'press',
      source_title: 'T',
      source_supports: 'signed',
    });
    const q = only(importLines([lines[0]!, lines[1]!, orphan, ...lines.slice(2)]).problems);
    expect(q).toMatchObject({ row: 3, column: 'id', letter: 'A' });
    expect(q.message).toContain('no cooperation row comes before it');
  });

  it('reports a repeated cooperation field that contradicts the cooperation row', () => {
    const lines = smallLines();
    lines[4] = line({
      id: 'be-bb-test-2013',
      row_type: 'partner',
      signed: '2014',
      partner_region: 'DE-BB',
      partner_organisation: 'zit-bb',
    });
    const p = only(importLines(lines).problems);
    expect(p).toMatchObject({ row: 5, column: 'signed', letter: 'H', id: 'be-bb-test-2013' });
    expect(p.message).toContain('"2014" contradicts the cooperation row (row 3)');
    expect(p.message).toContain('"2013-11"');
  });

  it('reports malformed list syntax in topics and source_supports', () => {
    for (const topics of ['it-security;;open-source', 'it-security;', 'it-security, open-source']) {
      const lines = smallLines();
      lines[2] = lines[2]!.replace(',digital-workplace,', `,"${topics}",`);
      const p = only(importLines(lines).problems);
      expect(p).toMatchObject({ row: 3, column: 'topics', letter: 'L', field: 'topics' });
      expect(p.message).toMatch(/^malformed list/);
    }
    const lines = smallLines();
    lines[6] = lines[6]!.replace('signed;partners;lead;projects', 'signed;;partners');
    const p = only(importLines(lines).problems);
    expect(p).toMatchObject({
      row: 7,
      column: 'source_supports',
      letter: 'AC',
      field: 'sources[0].supports',
    });
    expect(p.message).toContain('signed;partners');
  });

  it('reports empty required cells on every row type', () => {
    const lines = smallLines();
    lines[1] = line({ row_type: 'dataset' });
    lines[2] = lines[2]!.replace('Kooperation Berlin–Brandenburg', '  ');
    lines[4] = line({ id: 'be-bb-test-2013', row_type: 'partner', partner_organisation: 'zit-bb' });
    lines[6] = line({
      id: 'be-bb-test-2013',
      row_type: 'source',
      source_publisher: 'P',
      source_title: 'T',
      source_supports: 'signed',
    });
    const problems = importLines(lines).problems;
    expect(problems.map((p) => [p.row, p.letter, p.column, p.field])).toEqual([
      [2, 'C', 'version', 'version'],
      [3, 'D', 'title_de', 'title.de'],
      [5, 'O', 'partner_region', 'partners[1].region'],
      [7, 'X', 'source_url', 'sources[0].url'],
      [7, 'Z', 'source_publisher_kind', 'sources[0].publisherKind'],
    ]);
    for (const p of problems) expect(p.message).toMatch(/^empty required cell/);
  });

  it('reports a wrong or empty row_type', () => {
    const lines = smallLines();
    lines[3] = lines[3]!.replace(',partner,', ',partners,');
    lines[5] = lines[5]!.replace(',project,', ',,');
    const problems = importLines(lines).problems;
    expect(problems.map((p) => [p.row, p.letter, p.column])).toEqual([
      [4, 'B', 'row_type'],
      [6, 'B', 'row_type'],
    ]);
    expect(problems[0]!.message).toContain('unknown row_type "partners"');
    expect(problems[1]!.message).toContain('empty required cell');
  });

  it('reports a cell in a column of another row type', () => {
    const lines = smallLines();
    lines[3] = lines[3]!.replace(/,$/, ',signed');
    const cells = lines[2]!.split(',');
    cells[CSV_COLUMNS.indexOf('partner_region')] = 'DE-SN';
    lines[2] = cells.join(',');
    const problems = importLines(lines).problems;
    expect(problems.map((p) => [p.row, p.letter, p.column])).toEqual([
      [3, 'O', 'partner_region'],
      [4, 'AC', 'source_supports'],
    ]);
    expect(problems[0]!.message).toContain('belongs to partner rows');
    expect(problems[1]!.message).toContain('belongs to source rows, but this is a partner row');
  });

  it('reports a second cooperation row with the same id', () => {
    const lines = smallLines();
    const p = only(importLines([...lines, lines[2]!]).problems);
    expect(p).toMatchObject({ row: 8, column: 'row_type', id: 'be-bb-test-2013' });
    expect(p.message).toContain('already has its cooperation row in row 3');
  });

  it('reports an unclosed quote once, with its row', () => {
    const lines = smallLines();
    lines[4] = lines[4]!.replace(',DE-BB,', ',"DE-BB,');
    const result = importLines(lines);
    const p = only(result.problems);
    expect(p.row).toBe(5);
    expect(p.message).toContain('never closed');
    expect(result.records).toEqual([]);
  });

  it('reports a cell without a column name and a file that is not UTF-8', () => {
    const lines = smallLines();
    lines[3] += ',stray';
    lines[5] = lines[5]!.replace('Mobiles', 'Mobiles \uFFFD');
    const problems = importLines(lines).problems;
    expect(problems.map((p) => [p.row, p.letter])).toEqual([
      [4, columnLetter(CSV_COLUMNS.length)],
      [6, letterOf('project_title_de')],
    ]);
    expect(problems[0]!.message).toContain('no column');
    expect(problems[1]!.message).toContain('not valid UTF-8');
  });

  it('reports an empty header row', () => {
    const p = only(csvToCooperations('\uFEFF\r\nx,y\r\n', 'a.csv').problems);
    expect(p).toMatchObject({ row: 1 });
    expect(p.message).toContain('header row is empty');
  });
});

describe('npm run data:export-csv / data:import-csv', () => {
  let dir = '';
  /** The temp copy's cooperations.json as copied (the real file may change meanwhile). */
  let original = '';
  let copied: CooperationRecord[] = [];
  const run = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync('npx', ['tsx', 'scripts/data-csv.ts', ...args, '--data', dir], {
      encoding: 'utf8',
    });
    // npm may warn about the machine's npm configuration; that is not the script's output.
    const stderr = r.stderr
      .split('\n')
      .filter((l) => !l.startsWith('npm warn'))
      .join('\n');
    return { status: r.status, stdout: r.stdout, stderr: stderr.trim() };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kooperationsatlas-csv-'));
    for (const f of ['regions.json', 'organisations.json', 'cooperations.json', 'CHANGELOG.md'])
      if (existsSync(join('data', f))) cpSync(join('data', f), join(dir, f));
    cpSync(join('data', 'geo'), join(dir, 'geo'), { recursive: true });
    original = readFileSync(join(dir, 'cooperations.json'), 'utf8');
    copied = (JSON.parse(original) as { cooperations: CooperationRecord[] }).cooperations;
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('export then import leaves cooperations.json byte-identical', () => {
    const exported = run('export');
    expect(exported.stderr).not.toMatch(/problem|cannot/);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(
      `${copied.length} cooperations in ${csvRowCount(copied)} rows`,
    );
    const csvPath = join(dir, 'cooperations.csv');
    expect(readFileSync(csvPath, 'utf8').startsWith('\uFEFFid,row_type,version,')).toBe(true);

    // Unchanged data: nothing to write.
    const same = run('import');
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('already up to date');

    // A reformatted JSON file is written back in the canonical form, byte for byte.
    const jsonPath = join(dir, 'cooperations.json');
    writeFileSync(jsonPath, JSON.stringify(JSON.parse(original)));
    const imported = run('import');
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(
      /^data:import-csv: wrote .*cooperations\.json: \d+ cooperations/,
    );
    expect(readFileSync(jsonPath, 'utf8')).toBe(original);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('reports every problem with row and column and leaves the JSON untouched', () => {
    const csvPath = join(dir, 'cooperations.csv');
    if (!existsSync(csvPath)) expect(run('export').status).toBe(0);
    const jsonPath = join(dir, 'cooperations.json');
    writeFileSync(jsonPath, original);
    const csv = readFileSync(csvPath, 'utf8');
    const rows = csv.split('\r\n');
    const first = copied[0]!;
    const partnerRow = rows.findIndex((l) => l.startsWith(`${first.id},partner,`));
    const broken = [...rows];
    // A CSV problem (empty required cell) and a validator problem (unknown region).
    broken[partnerRow] = broken[partnerRow]!.replace(`,${first.partners[0]!.region},`, ',DE-XX,');
    const coopRow = rows.findIndex((l) => l.startsWith(`${first.id},cooperation,`));
    broken[coopRow] = broken[coopRow]!.replace(`,${first.kind},`, ',,');
    writeFileSync(csvPath, broken.join('\r\n'));

    const result = run('import');
    expect(result.status, result.stderr).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.includes('cooperations.csv, row'));
    expect(lines, result.stderr).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `row ${coopRow + 1}, column K \\(kind\\), record "${first.id}": empty required cell`,
      ),
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `row ${partnerRow + 1}, column O \\(partner_region\\), record "${first.id}": unknown region "DE-XX"`,
      ),
    );
    expect(result.stderr).toContain('2 problem(s)');
    expect(readFileSync(jsonPath, 'utf8')).toBe(original);
  }, 60_000);

  it('refuses what data:check refuses, naming the record and the field', () => {
    const jsonPath = join(dir, 'cooperations.json');
    const data = JSON.parse(original) as { cooperations: CooperationRecord[] };
    const first = data.cooperations[0]!;
    const url = new URL(first.sources[0]!.url);
    url.searchParams.set('utm_source', 'newsletter');
    first.sources[0]!.url = url.href;
    writeFileSync(jsonPath, JSON.stringify(data, null, 2));
    try {
      const result = run('export', '--out', join(dir, 'refused.csv'));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `record "${first.id}", field sources[0].url: tracking or session parameter utm_source`,
      );
      expect(result.stderr).toContain('the same that npm run data:check reports');
      expect(existsSync(join(dir, 'refused.csv'))).toBe(false);
    } finally {
      writeFileSync(jsonPath, original);
    }
  }, 60_000);
});
