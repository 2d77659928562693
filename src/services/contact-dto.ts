import type { Contact } from '../contract/contacts';
import { effectiveCadence } from '../core/cadence';
import type { Cadence, CadenceKind, CadenceUnit, CircleKind } from '../core/vocabulary';
import type { ContactChildren, ContactRow } from '../store/contacts.repo';
import { decodeWorkingHours } from '../store/json-columns';

export function displayName(row: Pick<ContactRow, 'first_name' | 'last_name'>): string {
  return `${row.first_name} ${row.last_name}`.trim();
}

export function cadenceOf(row: {
  cadence_kind: CadenceKind | null;
  cadence_every: number | null;
  cadence_unit: CadenceUnit | null;
}): Cadence | null {
  if (!row.cadence_kind) return null;
  if (row.cadence_kind === 'custom') {
    return { kind: 'custom', every: row.cadence_every ?? 1, unit: row.cadence_unit ?? 'months' };
  }
  return { kind: row.cadence_kind };
}

export function cadenceColumns(c: Cadence): {
  cadence_kind: CadenceKind;
  cadence_every: number | null;
  cadence_unit: CadenceUnit | null;
};
export function cadenceColumns(c: Cadence | null | undefined): {
  cadence_kind: CadenceKind | null;
  cadence_every: number | null;
  cadence_unit: CadenceUnit | null;
};
export function cadenceColumns(c: Cadence | null | undefined): {
  cadence_kind: CadenceKind | null;
  cadence_every: number | null;
  cadence_unit: CadenceUnit | null;
} {
  if (!c) return { cadence_kind: null, cadence_every: null, cadence_unit: null };
  return c.kind === 'custom'
    ? { cadence_kind: c.kind, cadence_every: c.every, cadence_unit: c.unit }
    : { cadence_kind: c.kind, cadence_every: null, cadence_unit: null };
}

/** Row + children → the API shape. */
export function toContactDto(row: ContactRow, children: ContactChildren, photoHash?: string): Contact {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: displayName(row),
    company: row.company,
    title: row.title,
    industry: row.industry,
    city: row.city,
    country: row.country,
    timeZone: row.time_zone,
    workingHours: decodeWorkingHours(row.working_hours, 'contacts.working_hours'),
    preferredChannel: row.preferred_channel,
    howMet: row.how_met,
    metOn: row.met_on,
    circleId: row.circle_id,
    tracked: row.tracked === 1,
    capture: row.capture !== 0,
    cadence: cadenceOf(row),
    emails: children.emails.map((e) => ({ value: e.value, label: e.label })),
    phones: children.phones.map((p) => ({ value: p.value, label: p.label })),
    links: children.links.map((l) => ({ kind: l.kind, url: l.url })),
    tags: children.tags,
    photoHash: photoHash ?? null,
    lastInteractionAt: row.last_interaction_at,
    nextDueAt: row.next_due_at,
    healthScore: row.health_score,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type CadenceColumns = {
  cadence_kind: CadenceKind | null;
  cadence_every: number | null;
  cadence_unit: CadenceUnit | null;
};

/**
 * The cadence that applies to a contact: its own, else its circle's (editable per circle), else the
 * default of the circle's kind; untracked wins over all. The one place that rule lives.
 */
export function contactCadence(
  contact: CadenceColumns & { tracked: number },
  circle: (CadenceColumns & { kind: CircleKind }) | null | undefined,
): Cadence {
  return effectiveCadence(
    cadenceOf(contact) ?? (circle ? cadenceOf(circle) : null),
    circle?.kind ?? null,
    contact.tracked === 1,
  );
}
