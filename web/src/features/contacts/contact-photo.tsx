import type { Contact } from '@contract/contacts';
import { Button, FileButton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ContactAvatar } from './contact-avatar';
import { useRemovePhoto, useUploadPhoto } from './photo-queries';

/** The contact page's photo: shown large, with add / replace / remove. */
export function ContactPhoto({ contact: c }: { contact: Contact }) {
  const upload = useUploadPhoto(c.id);
  const remove = useRemovePhoto(c.id);
  const failed = (title: string) => (e: Error) =>
    notifications.show({ color: 'red', title, message: e.message });
  return (
    <Stack gap={6} align="center">
      <ContactAvatar contact={c} size={96} />
      <FileButton
        accept="image/jpeg,image/png,image/gif,image/webp,image/avif,image/heic"
        onChange={(file) => file && upload.mutate(file, { onError: failed('Could not save the photo') })}
      >
        {(props) => (
          <Button {...props} variant="subtle" size="compact-xs" loading={upload.isPending}>
            {c.photoHash ? 'Replace photo' : 'Add photo'}
          </Button>
        )}
      </FileButton>
      {c.photoHash && (
        <Button
          variant="subtle"
          color="red"
          size="compact-xs"
          loading={remove.isPending}
          onClick={() => remove.mutate(undefined, { onError: failed('Could not remove the photo') })}
        >
          Remove photo
        </Button>
      )}
    </Stack>
  );
}
