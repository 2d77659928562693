import { INTRODUCTION_ACTIONS, type IntroductionAction, type IntroductionStep } from '../core/introductions';
import { HOLIDAY_KINDS, type HolidayKind, type WorkingHours } from '../core/vocabulary';

/**
 * Decoders of the JSON text columns, used by the repositories' row mappers so that services get
 * domain values. A value of the wrong shape (a hand-edited database, a bug that wrote it) throws
 * an error naming the column instead of travelling on as a lie about its type.
 */

function parse(json: string, column: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new Error(`${column} is not JSON`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** Any JSON text column whose shape a contract schema checks after (filters). */
export function decodeJson(json: string, column: string): unknown {
  return parse(json, column);
}

/** A JSON array of strings (interaction topics). */
export function decodeStrings(json: string, column: string): string[] {
  const v = parse(json, column);
  if (!isStringArray(v)) throw new Error(`${column} is not a JSON array of strings`);
  return v;
}

/** JSON WorkingHours, or null when the column is null (the default hours apply). */
export function decodeWorkingHours(json: string | null, column: string): WorkingHours | null {
  if (json === null) return null;
  const v = parse(json, column);
  if (
    !isRecord(v) ||
    !isString(v.start) ||
    !isString(v.end) ||
    !Array.isArray(v.days) ||
    !v.days.every((d) => typeof d === 'number')
  )
    throw new Error(`${column} is not working hours ({ start, end, days })`);
  return { start: v.start, end: v.end, days: v.days };
}

const ACTIONS = new Set<string>(INTRODUCTION_ACTIONS);
const isAction = (v: unknown): v is IntroductionAction => isString(v) && ACTIONS.has(v);

/** An introduction's JSON history of steps. */
export function decodeIntroductionHistory(json: string, column: string): IntroductionStep[] {
  const v = parse(json, column);
  if (!Array.isArray(v)) throw new Error(`${column} is not a JSON array of steps`);
  return v.map((step, i) => {
    if (!isRecord(step) || !isAction(step.action) || !isString(step.at))
      throw new Error(`${column}[${i}] is not an introduction step`);
    return { action: step.action, at: step.at, note: isString(step.note) ? step.note : null };
  });
}

const HOLIDAYS = new Set<string>(HOLIDAY_KINDS);

/** A JSON array of holiday kinds; a kind this version does not know is left out (a newer backup's). */
export function decodeHolidayKinds(json: string, column: string): HolidayKind[] {
  const v = parse(json, column);
  if (!isStringArray(v)) throw new Error(`${column} is not a JSON array of holiday kinds`);
  return v.filter((k): k is HolidayKind => HOLIDAYS.has(k));
}
