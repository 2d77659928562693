import type { UpdateCreate } from '@contract/updates';
import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { choiceOf } from '../../lib/choice';
import { fieldError, formError } from '../../ui/field-errors';
import { useCircles } from '../circles/queries';
import { useSegments } from '../segments/queries';
import { useCreateUpdate } from './queries';

type Audience = 'segment' | 'circle' | 'tag';
const AUDIENCES: { value: Audience; label: string }[] = [
  { value: 'circle', label: 'A circle' },
  { value: 'tag', label: 'A tag' },
  { value: 'segment', label: 'A saved segment' },
];
const VARIABLES = '{{firstName}}, {{lastName}}, {{fullName}}, {{company}}, {{myName}}';

/** The update's text and who gets it: a saved segment, a circle or a tag. */
export function UpdateCompose({ onCreated }: { onCreated: (id: string) => void }) {
  const create = useCreateUpdate();
  const segments = useSegments();
  const circles = useCircles();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('Hi {{firstName}},\n\n');
  // A segment's "Send an update" opens this page with ?segment=<id> already chosen.
  const [params] = useSearchParams();
  const [audience, setAudience] = useState<Audience>(params.get('segment') ? 'segment' : 'circle');
  const [segmentId, setSegmentId] = useState<string | null>(params.get('segment'));
  const [circleId, setCircleId] = useState<string | null>(null);
  const [tag, setTag] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target: Pick<UpdateCreate, 'segmentId' | 'filter'> =
      audience === 'segment'
        ? { segmentId: segmentId ?? '' }
        : {
            filter:
              audience === 'circle' ? { circleId: circleId ?? undefined } : { tag: tag.trim() || undefined },
          };
    create.mutate({ subject, body, ...target }, { onSuccess: (update) => onCreated(update.id) });
  };
  const general = formError(create.error, ['subject', 'body', 'segmentId']);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={submit}>
        <Stack>
          <Title order={3}>New update</Title>
          <TextInput
            label="Subject"
            required
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={fieldError(create.error, 'subject')}
          />
          <Textarea
            label="Message"
            description={`Plain text. ${VARIABLES} are filled in for each person.`}
            required
            autosize
            minRows={6}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldError(create.error, 'body')}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="audience">
              Send to
            </Text>
            <SegmentedControl
              aria-labelledby="audience"
              value={audience}
              onChange={(v) => setAudience(choiceOf(AUDIENCES, v) ?? audience)}
              data={AUDIENCES}
            />
          </div>
          {audience === 'segment' && (
            <Select
              label="Segment"
              placeholder={segments.data?.length === 0 ? 'No saved segments yet' : 'Pick one'}
              data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={segmentId}
              onChange={setSegmentId}
              error={fieldError(create.error, 'segmentId')}
              maw={360}
            />
          )}
          {audience === 'circle' && (
            <Select
              label="Circle"
              placeholder="Everyone"
              clearable
              data={(circles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={circleId}
              onChange={setCircleId}
              error={fieldError(create.error, 'filter.circleId')}
              maw={360}
            />
          )}
          {audience === 'tag' && (
            <TextInput
              label="Tag"
              placeholder="e.g. alumni"
              value={tag}
              onChange={(e) => setTag(e.currentTarget.value)}
              error={fieldError(create.error, 'filter.tag')}
              maw={360}
            />
          )}
          {general && (
            <Text c="red" size="sm" role="alert">
              {general}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Preview copies
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
