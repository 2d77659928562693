import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTRODUCTION_ACTIONS } from '../core/introductions';
import { HOLIDAY_KINDS } from '../core/vocabulary';
import {
  decodeHolidayKinds,
  decodeIntroductionHistory,
  decodeJson,
  decodeStrings,
  decodeWorkingHours,
} from './json-columns';

describe('JSON column decoders', () => {
  it('give back what the services wrote with JSON.stringify (property)', () => {
    const hours = fc.record({
      start: fc.string({ maxLength: 5 }),
      end: fc.string({ maxLength: 5 }),
      days: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
    });
    const step = fc.record({
      action: fc.constantFrom(...INTRODUCTION_ACTIONS),
      at: fc.string(),
      note: fc.option(fc.string(), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.string()),
        hours,
        fc.array(step),
        fc.array(fc.constantFrom(...HOLIDAY_KINDS)),
        (topics, h, history, kinds) => {
          expect(decodeStrings(JSON.stringify(topics), 'c')).toEqual(topics);
          expect(decodeWorkingHours(JSON.stringify(h), 'c')).toEqual(h);
          expect(decodeIntroductionHistory(JSON.stringify(history), 'c')).toEqual(history);
          expect(decodeHolidayKinds(JSON.stringify(kinds), 'c')).toEqual(kinds);
        },
      ),
    );
  });

  it('name the column when the text is not JSON or not of the shape', () => {
    expect(() => decodeJson('{', 'saved_segments.filter')).toThrow('saved_segments.filter is not JSON');
    expect(() => decodeStrings('[1]', 'interactions.topics')).toThrow(
      'interactions.topics is not a JSON array',
    );
    expect(() => decodeWorkingHours('{"start":"09:00"}', 'contacts.working_hours')).toThrow(
      'contacts.working_hours is not working hours',
    );
    expect(() => decodeIntroductionHistory('[{"action":"wave","at":"x"}]', 'introductions.history')).toThrow(
      'introductions.history[0] is not an introduction step',
    );
    expect(() => decodeHolidayKinds('"christmas"', 'holiday_settings.kinds')).toThrow(
      'holiday_settings.kinds',
    );
  });

  it('keep null working hours null, and leave out holiday kinds this version does not know', () => {
    expect(decodeWorkingHours(null, 'c')).toBeNull();
    expect(decodeHolidayKinds('["christmas","midsummer"]', 'c')).toEqual(['christmas']);
  });
});
