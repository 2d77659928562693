import type { ContactPhotoSaved } from '@contract/contact-photos';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { del, sendFile } from '../../api/client';
import { contactsKey } from './queries';

/** The photo's URL; the hash in it makes a replaced photo a new URL, so no cache shows the old one. */
export const photoUrl = (id: string, hash: string) =>
  `/api/v1/contacts/${encodeURIComponent(id)}/photo?v=${encodeURIComponent(hash)}`;

/** Sends the chosen file as the raw body; the server reads its type from the bytes. */
export function useUploadPhoto(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      sendFile<ContactPhotoSaved>(
        'PUT',
        `/contacts/${encodeURIComponent(id)}/photo`,
        file,
        // The header only gates the request; a file the browser cannot name goes as bytes.
        file.type.startsWith('image/') ? file.type : 'application/octet-stream',
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: contactsKey }),
  });
}

export function useRemovePhoto(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => del(`/contacts/${encodeURIComponent(id)}/photo`),
    onSuccess: () => client.invalidateQueries({ queryKey: contactsKey }),
  });
}
