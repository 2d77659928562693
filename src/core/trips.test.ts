import { describe, expect, it } from 'vitest';
import { dateRange, livesIn, nearTripRange, rankTripPeople, tripDetail } from './trips';

describe('livesIn', () => {
  it('folds case and accents in the city', () => {
    const trip = { city: 'São Paulo', country: null };
    expect(livesIn(trip, { city: 'sao paulo', country: 'Brazil' })).toBe(true);
    expect(livesIn(trip, { city: 'SAO  PAULO', country: null })).toBe(true);
    expect(livesIn({ city: 'Sao Paulo', country: null }, { city: 'São Paulo', country: null })).toBe(true);
    expect(livesIn(trip, { city: 'São Paulo de Olivença', country: null })).toBe(false);
    expect(livesIn(trip, { city: null, country: 'Brazil' })).toBe(false);
  });

  it('needs the same country only when both sides name one', () => {
    const trip = { city: 'Paris', country: 'France' };
    expect(livesIn(trip, { city: 'Paris', country: 'france' })).toBe(true);
    expect(livesIn(trip, { city: 'Paris', country: null })).toBe(true);
    expect(livesIn(trip, { city: 'Paris', country: 'United States' })).toBe(false);
    expect(livesIn({ city: 'Paris', country: null }, { city: 'Paris', country: 'United States' })).toBe(true);
  });

  it('never matches an empty trip city', () => {
    expect(livesIn({ city: ' ', country: null }, { city: '', country: null })).toBe(false);
  });
});

describe('rankTripPeople', () => {
  it('puts closer circles first, then the longest since last talk, never-talked last', () => {
    const ranked = rankTripPeople([
      { id: 'a', circleKind: null, lastMeaningfulAt: '2020-01-01T00:00:00Z' },
      { id: 'b', circleKind: 'peer', lastMeaningfulAt: '2026-01-01T00:00:00Z' },
      { id: 'c', circleKind: 'mentor', lastMeaningfulAt: null },
      { id: 'd', circleKind: 'peer', lastMeaningfulAt: '2025-01-01T00:00:00Z' },
      { id: 'e', circleKind: 'mentor', lastMeaningfulAt: '2026-02-01T00:00:00Z' },
    ]);
    expect(ranked.map((p) => p.id)).toEqual(['e', 'c', 'd', 'b', 'a']);
  });
});

describe('nearTripRange', () => {
  it('reaches from today to 14 days ahead, across a month end', () => {
    expect(nearTripRange('2026-04-28')).toEqual({ endingFrom: '2026-04-28', startingBy: '2026-05-12' });
    expect(nearTripRange('2026-12-25', 7)).toEqual({ endingFrom: '2026-12-25', startingBy: '2027-01-01' });
    expect(() => nearTripRange('soon')).toThrow(RangeError);
  });
});

describe('dateRange and tripDetail', () => {
  it('writes the range as briefly as it reads', () => {
    expect(dateRange('2026-05-12', '2026-05-15')).toBe('12–15 May');
    expect(dateRange('2026-04-30', '2026-05-02')).toBe('30 Apr–2 May');
    expect(dateRange('2026-12-30', '2027-01-02')).toBe('30 Dec 2026–2 Jan 2027');
    expect(dateRange('2026-05-12', '2026-05-12')).toBe('12 May');
  });
  it('names the city, the dates and the person', () => {
    expect(tripDetail({ city: 'Lisbon', startsOn: '2026-05-12', endsOn: '2026-05-15' }, 'Ana')).toBe(
      'You are in Lisbon 12–15 May: Ana lives there',
    );
  });
});
