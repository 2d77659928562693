import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCustomCadence } from './custom-cadence';

describe('parseCustomCadence', () => {
  it('accepts every whole number from 1 to 1000 in each unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('days', 'weeks', 'months'),
        (n, unit) => {
          expect(parseCustomCadence(` ${n} `, unit)).toEqual({ cadence: { kind: 'custom', every: n, unit } });
        },
      ),
    );
  });
  it('names the field that is wrong', () => {
    expect(parseCustomCadence('', 'weeks')).toMatchObject({ field: 'cadence.every' });
    expect(parseCustomCadence('2.5', 'weeks')).toMatchObject({ field: 'cadence.every' });
    expect(parseCustomCadence('0', 'weeks')).toEqual({
      field: 'cadence.every',
      message: 'every: from 1 to 1000, not 0',
    });
    expect(parseCustomCadence('1001', 'days')).toMatchObject({ field: 'cadence.every' });
    expect(parseCustomCadence('3', null)).toEqual({
      field: 'cadence.unit',
      message: 'unit: days, weeks or months',
    });
    expect(parseCustomCadence('3', 'years')).toMatchObject({ field: 'cadence.unit' });
  });
});
