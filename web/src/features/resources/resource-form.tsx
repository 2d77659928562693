import type { Resource, ResourceKind } from '@contract/resources';
import { Button, Group, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormButtons } from '../../ui/detail-card';
import { fieldError } from '../../ui/field-errors';
import { FormErrorAlert } from '../../ui/form-error-alert';
import { useAddResource, usePatchResource } from './queries';
import { isResourceKind, RESOURCE_KIND_OPTIONS } from './resource-labels';

const FIELDS = ['kind', 'title', 'url', 'note', 'tags'] as const;

/**
 * Adds an article, tool, event or job opening to the library; tags are what it matches on. Given
 * `initial`, the same form edits that resource (Save, Cancel, Escape) instead.
 */
export function ResourceForm({ initial, onDone }: { initial?: Resource; onDone?: () => void }) {
  const add = useAddResource();
  const edit = usePatchResource();
  const mutation = initial ? edit : add;
  const [kind, setKind] = useState<ResourceKind>(initial?.kind ?? 'article');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [url, setUrl] = useState(initial?.url ?? '');
  const [tags, setTags] = useState<string[]>(initial?.tags ?? []);
  const [note, setNote] = useState(initial?.note ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { kind, title, url: url.trim() || null, tags, note };
    if (initial) {
      edit.mutate({ id: initial.id, body }, { onSuccess: () => onDone?.() });
      return;
    }
    add.mutate(body, {
      onSuccess: () => {
        setTitle('');
        setUrl('');
        setTags([]);
        setNote('');
        onDone?.();
      },
    });
  };
  const err = (field: string) => fieldError(mutation.error, field);

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={initial ? `Edit ${initial.title}` : 'Add resource'}
      onKeyDown={(e) => initial && e.key === 'Escape' && onDone?.()}
    >
      <Stack gap="sm">
        <FormErrorAlert error={mutation.error} shownFields={FIELDS} />
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
        {initial ? (
          <FormButtons pending={edit.isPending} onCancel={() => onDone?.()} />
        ) : (
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              Add resource
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
