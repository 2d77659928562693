import { describe, expect, it } from 'vitest';
import { calendarQueryBody, utcStamp } from './caldav-query';

describe('the calendar-query REPORT body', () => {
  it('asks for the VEVENTs of the range in UTC basic format (RFC 4791 §9.9)', () => {
    expect(utcStamp(Date.parse('2024-03-20T07:08:09.250Z'))).toBe('20240320T070809Z');
    const body = calendarQueryBody({
      from: Date.parse('2024-03-20T00:00:00Z'),
      to: Date.parse('2026-03-21T21:00:00Z'),
    });
    expect(body).toContain('<c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">');
    expect(body).toContain('<c:time-range start="20240320T000000Z" end="20260321T210000Z"/>');
    expect(body).toContain('<c:calendar-data/>');
  });
});
