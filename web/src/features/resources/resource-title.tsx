import type { Resource } from '@contract/resources';
import { Anchor, Text } from '@mantine/core';
import { webHref } from './web-href';

/** The title, as a link that opens a new tab only when the URL is a web address. */
export function ResourceTitle({ resource }: { resource: Pick<Resource, 'title' | 'url'> }) {
  const href = webHref(resource.url);
  return href ? (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" fw={600} size="sm" className="tend-wrap">
      {resource.title}
    </Anchor>
  ) : (
    <Text fw={600} size="sm" className="tend-wrap">
      {resource.title}
    </Text>
  );
}
