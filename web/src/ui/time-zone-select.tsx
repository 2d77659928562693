import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';

/** The browser's own zone, the natural default for a new account or contact. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function zoneNames(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  // Some engines leave UTC out of the list although every server accepts it.
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** A searchable select over every IANA zone the browser knows. */
export function TimeZoneSelect(props: Omit<SelectProps, 'data'>) {
  const data = useMemo(zoneNames, []);
  return <Select searchable limit={100} nothingFoundMessage="No such time zone" {...props} data={data} />;
}
