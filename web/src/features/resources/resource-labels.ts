import type { ResourceKind } from '@contract/resources';

export const RESOURCE_KIND_LABELS = {
  article: 'Article',
  tool: 'Tool',
  event: 'Event',
  job_opening: 'Job opening',
} satisfies Record<ResourceKind, string>;

export const RESOURCE_KIND_OPTIONS = Object.entries(RESOURCE_KIND_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export const isResourceKind = (value: string | null): value is ResourceKind =>
  value !== null && Object.hasOwn(RESOURCE_KIND_LABELS, value);
