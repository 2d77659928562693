import type { MappingField } from '../core/import-mapping';
import {
  type CsvDelimiter,
  type CsvRecord,
  csvRecords,
  DEFAULT_CSV_LIMITS,
  detectDelimiter,
  parseCsvLine,
} from './csv-records';
import { isValidDate, type PartialDate, readDate } from './dates';
import { guessField, headerSetKey, looksLikePhone, phoneLabel } from './generic-headers';
import { splitName } from './google-csv';
import {
  emptyContact,
  type ImportedContact,
  ImportFileError,
  type ImportRow,
  linkKind,
  type ReadOptions,
  setText,
} from './imported-contact';
import { addEmail, addTags, addValue, dateWarning, isEmailAddress } from './row-helpers';

/** Records read ahead to guess each column from its values and to show a sample. */
const SAMPLE_RECORDS = 20;

/** A column of a generic CSV: its header, the first value under it, and the field guessed for it. */
export interface GenericColumn {
  name: string;
  sample: string;
  guess: MappingField;
}
export interface GenericLayout {
  columns: GenericColumn[];
  /** The normalised header set a mapping is remembered under. */
  headerKey: string;
  delimiter: CsvDelimiter;
}
/** Picks the field of every column (by index), given the layout; the default takes the guesses. */
export type ChooseMapping = (layout: GenericLayout) => MappingField[] | Promise<MappingField[]>;

export interface GenericRead {
  layout: GenericLayout;
  fields: MappingField[];
  rows: AsyncGenerator<ImportRow>;
  /** Per column, what could not be read ("3 rows have unreadable dates"); complete once `rows` is drained. */
  warnings: string[];
}

/** Whether a first line can be the header of a generic CSV: two or more named columns. */
export function isGenericHeader(line: string): boolean {
  return parseCsvLine(line).filter((c) => c.trim()).length >= 2;
}

/**
 * Reads any CSV with a header row (comma, semicolon, tab or pipe): the header and the first records
 * are read ahead to guess a field per column, `choose` settles the mapping, then the rows stream.
 */
export async function readGenericCsv(
  lines: AsyncIterable<string>,
  opts: ReadOptions = {},
  choose?: ChooseMapping,
): Promise<GenericRead> {
  const it = lines[Symbol.asyncIterator]();
  let lineNo = 0;
  let headerLine: string | undefined;
  while (headerLine === undefined) {
    const next = await it.next();
    if (next.done) throw new ImportFileError('The file is empty.');
    lineNo++;
    if (next.value.trim()) headerLine = next.value;
  }
  const delimiter = detectDelimiter(headerLine);
  const names = parseCsvLine(headerLine, delimiter).map((n) => n.trim());
  const dataLike = names.find((n) => isEmailAddress(n) || looksLikePhone(n));
  if (dataLike !== undefined)
    throw new ImportFileError(
      `The first row of this CSV holds data ("${dataLike}"), not column names; add a header row naming the columns.`,
    );
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => it };
  const records = csvRecords(rest, delimiter, DEFAULT_CSV_LIMITS, lineNo + 1);
  const ahead: CsvRecord[] = [];
  for (let i = 0; i < SAMPLE_RECORDS; i++) {
    const next = await records.next();
    if (next.done) break;
    ahead.push(next.value);
  }
  const readable = ahead.flatMap((r) => ('fields' in r ? [r.fields] : []));
  const columns = names.map((name, i) => {
    const values = readable.map((f) => f[i] ?? '');
    return { name, sample: values.find((v) => v.trim())?.trim() ?? '', guess: guessField(name, values) };
  });
  const layout: GenericLayout = { columns, headerKey: headerSetKey(names), delimiter };
  const fields = choose ? await choose(layout) : columns.map((c) => c.guess);
  const warnings: string[] = [];
  async function* all(): AsyncGenerator<CsvRecord> {
    yield* ahead;
    yield* records;
  }
  return { layout, fields, warnings, rows: genericRows(all(), names, fields, opts, warnings) };
}

async function* genericRows(
  records: AsyncIterable<CsvRecord>,
  names: readonly string[],
  fields: readonly MappingField[],
  opts: ReadOptions,
  warnings: string[],
): AsyncGenerator<ImportRow> {
  // Read once per column, not per cell: a 30,000-row sheet folds each header name once.
  const labels = names.map((name, i) => (fields[i] === 'phone' ? phoneLabel(name) : undefined));
  const problems = new Map<number, number>();
  const note = (column: number) => problems.set(column, (problems.get(column) ?? 0) + 1);
  for await (const record of records) {
    if ('error' in record) {
      yield record;
      continue;
    }
    if (record.fields.every((f) => !f.trim())) {
      if (opts.stats) opts.stats.skippedEmpty++;
      continue;
    }
    const rowWarnings: string[] = [];
    const contact = genericContact(record.fields, names, fields, labels, opts, (column, message) => {
      note(column);
      rowWarnings.push(`row ${record.line}: ${message}`);
    });
    if (!contact.firstName) {
      yield {
        line: record.line,
        error: `row ${record.line}: no name or e-mail in the columns mapped to them`,
      };
      continue;
    }
    yield rowWarnings.length
      ? { line: record.line, contact, warnings: rowWarnings }
      : { line: record.line, contact };
  }
  for (const [column, count] of [...problems].sort((a, b) => a[0] - b[0])) {
    const field = fields[column];
    const what = field === 'birthday' ? 'unreadable dates' : 'no e-mail address';
    const rows = count === 1 ? '1 row has' : `${count} rows have`;
    warnings.push(`column '${names[column]}' mapped to ${field}: ${rows} ${what}, they import without it`);
  }
}

function genericContact(
  cells: readonly string[],
  names: readonly string[],
  fields: readonly MappingField[],
  labels: readonly (string | undefined)[],
  opts: ReadOptions,
  warn: (column: number, message: string) => void,
): ImportedContact {
  const text: Partial<Record<MappingField, string[]>> = {};
  const contact = emptyContact('', '');
  const birthday: { column: number; value: string }[] = [];
  fields.forEach((field, i) => {
    const value = (cells[i] ?? '').trim();
    if (!value || field === 'ignore') return;
    const name = names[i] ?? `column ${i + 1}`;
    switch (field) {
      case 'email':
        for (const v of value.split(/\s*[,;]\s*/))
          addEmail(contact.emails, v, undefined, (m) => warn(i, m), name);
        return;
      case 'phone':
        for (const v of value.split(/\s*;\s*/)) addValue(contact.phones, v, labels[i]);
        return;
      case 'tags':
        addTags(contact.tags, value.split(/[,;|]/));
        return;
      case 'linkedin':
        contact.links.push({ kind: 'linkedin', url: value });
        return;
      case 'website':
        contact.links.push({ kind: linkKind(value), url: value });
        return;
      case 'birthday':
        birthday.push({ column: i, value });
        return;
      default:
        text[field] = [...(text[field] ?? []), value];
    }
  });
  const joined = (f: MappingField, sep = ' ') => text[f]?.join(sep) ?? '';
  let firstName = joined('firstName');
  let lastName = joined('lastName');
  if (!firstName && !lastName && text.fullName) [firstName, lastName] = splitName(text.fullName[0] ?? '');
  if (!firstName && lastName) [firstName, lastName] = [lastName, ''];
  if (!firstName) firstName = contact.emails[0]?.value ?? '';
  contact.firstName = firstName.trim();
  contact.lastName = lastName.trim();
  setText(contact, 'company', text.company?.[0]);
  setText(contact, 'title', text.title?.[0]);
  setText(contact, 'city', text.city?.[0]);
  setText(contact, 'country', text.country?.[0]);
  setText(contact, 'notes', joined('notes', '\n').replace(/\r\n?/g, '\n'));
  const date = birthdayOf(birthday, names, opts, warn);
  if (date) contact.birthday = date;
  return contact;
}

/**
 * One birthday column holds a date; several (Thunderbird's Birth Year, Birth Month, Birth Day)
 * hold its parts: the four-digit one is the year, the others month then day in column order.
 */
function birthdayOf(
  parts: { column: number; value: string }[],
  names: readonly string[],
  opts: ReadOptions,
  warn: (column: number, message: string) => void,
): PartialDate | undefined {
  const [only] = parts;
  if (!only) return undefined;
  const name = (column: number) => names[column] ?? `column ${column + 1}`;
  if (parts.length === 1) {
    const date = readDate(only.value, opts.order);
    if (typeof date !== 'string') return date;
    warn(only.column, dateWarning(name(only.column), only.value, date));
    return undefined;
  }
  const numbers = parts.map((p) => p.value);
  const yearAt = numbers.findIndex((v) => /^\d{4}$/.test(v));
  const rest = numbers.filter((_, i) => i !== yearAt).map(Number);
  const date: PartialDate = { month: rest[0] ?? Number.NaN, day: rest[1] ?? Number.NaN };
  if (yearAt !== -1) date.year = Number(numbers[yearAt]);
  if (numbers.every((v) => /^\d{1,4}$/.test(v)) && isValidDate(date)) return date;
  warn(only.column, dateWarning(parts.map((p) => name(p.column)).join('/'), numbers.join('/'), 'invalid'));
  return undefined;
}
