import { type CsvLimits, csvRecords, DEFAULT_CSV_LIMITS, detectDelimiter, parseCsvLine } from './csv-records';
import { ImportFileError } from './imported-contact';

/** How far we look for a header row (LinkedIn puts a few "Notes:" lines before it). */
export const HEADER_SEARCH_LINES = 20;

/** A data row addressed by column name (case-insensitive); missing columns read as ''. */
export interface CsvTableRow {
  line: number;
  get(column: string): string;
  /** Every column name present in the header, as written. */
  columns: readonly string[];
}
export type CsvTableItem = CsvTableRow | { line: number; error: string };

/** Finds the header among the first lines: the first line whose cells satisfy `isHeader`. */
export function findHeader(
  head: readonly string[],
  isHeader: (names: Set<string>) => boolean,
): { index: number; names: string[] } | undefined {
  for (let index = 0; index < Math.min(head.length, HEADER_SEARCH_LINES); index++) {
    const line = head[index] ?? '';
    if (!line.trim()) continue;
    const names = parseCsvLine(line).map((n) => n.trim());
    if (isHeader(new Set(names.map((n) => n.toLowerCase())))) return { index, names };
  }
  return undefined;
}

/** Streams rows of a CSV table whose header satisfies `isHeader`; lines before the header are skipped. */
export async function* csvTable(
  lines: AsyncIterable<string>,
  isHeader: (names: Set<string>) => boolean,
  what: string,
  limits: CsvLimits = DEFAULT_CSV_LIMITS,
): AsyncGenerator<CsvTableItem> {
  const it = lines[Symbol.asyncIterator]();
  const skipped: string[] = [];
  let header: { line: number; names: string[]; raw: string } | undefined;
  while (!header && skipped.length < HEADER_SEARCH_LINES) {
    const next = await it.next();
    if (next.done) break;
    const found = findHeader([next.value], isHeader);
    if (found) header = { line: skipped.length + 1, names: found.names, raw: next.value };
    else skipped.push(next.value);
  }
  if (!header)
    throw new ImportFileError(`No ${what} header row found in the first ${HEADER_SEARCH_LINES} lines.`);
  const index = new Map<string, number>();
  header.names.forEach((name, i) => {
    const key = name.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const columns = header.names;
  const at = columnLookup(index);
  const delimiter = detectDelimiter(header.raw);
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => it };
  for await (const record of csvRecords(rest, delimiter, limits, header.line + 1)) {
    if ('error' in record) {
      yield record;
      continue;
    }
    const fields = record.fields;
    // One cell holding another delimiter, under a header of several columns: the rows were written
    // with a different separator than the header, and the whole line would become a first name.
    if (fields.length === 1 && columns.length > 2 && otherDelimiter(fields[0] ?? '', delimiter)) {
      yield {
        line: record.line,
        error: `row ${record.line}: 1 column where the header has ${columns.length}; the row seems to use another delimiter than "${delimiter === '\t' ? 'tab' : delimiter}"`,
      };
      continue;
    }
    yield new TableRow(record.line, columns, fields, at);
  }
}

/**
 * The column index of a name as a reader writes it, looked up case-insensitively once per name
 * and file: a reader asks for a dozen columns of every row (~12 toLowerCase and lookups a row).
 */
function columnLookup(index: ReadonlyMap<string, number>): (column: string) => number {
  const byName = new Map<string, number>();
  return (column) => {
    let i = byName.get(column);
    if (i === undefined) {
      i = index.get(column.toLowerCase()) ?? -1;
      byName.set(column, i);
    }
    return i;
  };
}

/** One data row: a class, so that a row is its fields and no closure of its own. */
class TableRow implements CsvTableRow {
  constructor(
    readonly line: number,
    readonly columns: readonly string[],
    private readonly fields: readonly string[],
    private readonly at: (column: string) => number,
  ) {}

  get(column: string): string {
    const i = this.at(column);
    return i === -1 ? '' : (this.fields[i] ?? '').trim();
  }
}

function otherDelimiter(cell: string, delimiter: string): boolean {
  return [',', ';', '\t'].some((d) => d !== delimiter && cell.includes(d));
}
