import type { CaptureRun } from '@contract/capture';
import type { UploadQuery } from '@contract/capture-messages';
import {
  Button,
  FileButton,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldError, formError } from '../../ui/field-errors';
import { ContactPicker, type PickedContact } from '../introductions/contact-picker';
import { DateOrderPrompt } from './date-order-prompt';
import { useImportMessages } from './message-queries';

type Kind = 'linkedin_messages' | 'whatsapp';

export function runSummary(r: CaptureRun): string {
  const skipped = Object.values(r.skipped).reduce((a, b) => a + (b ?? 0), 0);
  return `${r.seen} seen, ${r.captured} captured, ${skipped} skipped${r.failed ? `, ${r.failed} unreadable` : ''}`;
}

/**
 * Settings → Sources: read LinkedIn's messages.csv or one WhatsApp chat (which contact it is with is
 * asked, as one chat is one contact). Message texts are kept only when the switch says so.
 */
export function MessageSourceForm() {
  const imported = useImportMessages();
  const [kind, setKind] = useState<Kind>('linkedin_messages');
  const [contact, setContact] = useState<PickedContact | null>(null);
  const [ownName, setOwnName] = useState('');
  const [storeBodies, setStoreBodies] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const read = (chosen: File, query: UploadQuery = {}) => {
    setFile(chosen);
    const common = { name: chosen.name.slice(0, 100), ownAddresses: [], excludedDomains: [], storeBodies };
    const own = ownName.trim() ? { ownName: ownName.trim() } : {};
    imported.mutate(
      {
        body:
          kind === 'whatsapp'
            ? { kind, ...common, ...own, contactId: contact?.id ?? '' }
            : { kind, ...common, ...own },
        file: chosen,
        query,
      },
      {
        onSuccess: (r) => {
          setFile(null);
          notifications.show({ color: 'teal', title: chosen.name, message: runSummary(r) });
        },
      },
    );
  };
  const needsContact = kind === 'whatsapp' && !contact;
  const general = formError(imported.error, ['contactId', 'ownName', 'ownProfileUrl', 'dateOrder']);
  return (
    <Stack gap="sm" component="section" aria-label="LinkedIn and WhatsApp">
      <Title order={4}>LinkedIn messages and WhatsApp chats</Title>
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v === 'whatsapp' ? 'whatsapp' : 'linkedin_messages')}
        data={[
          { value: 'linkedin_messages', label: 'LinkedIn' },
          { value: 'whatsapp', label: 'WhatsApp' },
        ]}
        maw={320}
      />
      <Text size="sm" c="dimmed">
        {kind === 'whatsapp'
          ? 'Export one chat from WhatsApp (Export chat → Without media) and upload the .zip it gives, or the .txt in it; each day becomes one interaction per direction.'
          : 'From LinkedIn’s data export (Settings → Data privacy → Get a copy of your data → Messages); each message becomes an interaction.'}
      </Text>
      {kind === 'whatsapp' && (
        <ContactPicker
          label="The chat is with"
          value={contact}
          onChange={setContact}
          error={fieldError(imported.error, 'contactId')}
        />
      )}
      <TextInput
        label="Your name in the file (optional)"
        description="Only needed when Tend cannot tell which side is yours"
        value={ownName}
        onChange={(e) => setOwnName(e.currentTarget.value)}
        error={fieldError(imported.error, 'ownName') ?? fieldError(imported.error, 'ownProfileUrl')}
        maw={420}
      />
      <Switch
        label="Keep the message texts"
        description="Off: only who, when and the subject. On: the first 2,000 characters of each interaction."
        checked={storeBodies}
        onChange={(e) => setStoreBodies(e.currentTarget.checked)}
      />
      {general && !fieldError(imported.error, 'dateOrder') && (
        <Text c="red" size="sm" role="alert" className="tend-wrap">
          {general}
        </Text>
      )}
      {file && (
        <DateOrderPrompt
          error={imported.error}
          busy={imported.isPending}
          onRetry={(dateOrder) => read(file, { dateOrder })}
        />
      )}
      <Group>
        <FileButton
          accept={kind === 'whatsapp' ? '.txt,.zip,text/plain,application/zip' : '.csv,text/csv'}
          onChange={(chosen) => chosen && read(chosen)}
        >
          {(props) => (
            <Button {...props} variant="light" loading={imported.isPending} disabled={needsContact}>
              {kind === 'whatsapp' ? 'Upload chat (.txt or .zip)' : 'Upload messages.csv'}
            </Button>
          )}
        </FileButton>
        {needsContact && (
          <Text size="xs" c="dimmed">
            Pick the contact first
          </Text>
        )}
      </Group>
    </Stack>
  );
}
