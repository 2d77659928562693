import type { ResourceKind } from '@contract/resources';
import { Button, Group, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { useAddResource } from './queries';
import { isResourceKind, RESOURCE_KIND_OPTIONS } from './resource-labels';

const FIELDS = ['kind', 'title', 'url', 'note', 'tags'] as const;

/** Adds an article, tool, event or job opening to the library; tags are what it matches on. */
export function ResourceForm({ onDone }: { onDone?: () => void }) {
  const add = useAddResource();
  const [kind, setKind] = useState<ResourceKind>('article');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [note, setNote] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { kind, title, url: url.trim() || null, tags, note },
      {
        onSuccess: () => {
          setTitle('');
          setUrl('');
          setTags([]);
          setNote('');
          onDone?.();
        },
      },
    );
  };
  const err = (field: string) => fieldError(add.error, field);

  return (
    <form onSubmit={submit} noValidate aria-label="Add resource">
      <Stack gap="sm">
        <FormErrorAlert error={add.error} shownFields={FIELDS} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label="Kind"
            data={RESOURCE_KIND_OPTIONS}
            value={kind}
            allowDeselect={false}
            onChange={(value) => isResourceKind(value) && setKind(value)}
            error={err('kind')}
          />
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={err('title')}
          />
        </SimpleGrid>
        <TextInput
          label="URL"
          type="url"
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={err('url')}
        />
        <TagsInput
          label="Tags"
          placeholder="Type and press Enter"
          value={tags}
          onChange={setTags}
          error={err('tags')}
        />
        <Textarea
          label="Note"
          autosize
          minRows={2}
          maxRows={6}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={err('note')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Add resource
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
