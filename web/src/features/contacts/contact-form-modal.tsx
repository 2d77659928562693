import type { Contact } from '@contract/contacts';
import { Loader, Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useContactDates } from '../important-dates/queries';
import { ContactForm } from './contact-form';
import { useCreateContact, useUpdateContact } from './queries';

/** Add (no `contact`) or edit a contact in a modal; full screen on phones. */
export function ContactFormModal({
  opened,
  onClose,
  contact,
}: {
  opened: boolean;
  onClose: () => void;
  contact?: Contact;
}) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={contact ? 'Edit contact' : 'Add contact'}
      size="xl"
      fullScreen={phone}
    >
      {/* Mounted only while open, so each opening starts from the saved values. */}
      {opened && (contact ? <EditBody contact={contact} onClose={onClose} /> : <AddBody onClose={onClose} />)}
    </Modal>
  );
}

function AddBody({ onClose }: { onClose: () => void }) {
  const create = useCreateContact();
  const navigate = useNavigate();
  return (
    <ContactForm
      submitLabel="Add contact"
      pending={create.isPending}
      error={create.error}
      onCancel={onClose}
      onSubmit={(body) =>
        create.mutate(body, {
          // Opening the new contact's page is the confirmation; a toast would only cover it.
          onSuccess: (created) => {
            onClose();
            navigate(`/contacts/${created.id}`);
          },
        })
      }
    />
  );
}

function EditBody({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const update = useUpdateContact(contact.id);
  const dates = useContactDates(contact.id);
  // The form starts from the stored birthday, so wait for it (a failed read leaves it blank).
  if (dates.isPending) return <Loader size="sm" aria-label="Loading" />;
  const birthday = dates.data?.items.find((d) => d.kind === 'birthday') ?? null;
  return (
    <ContactForm
      contact={contact}
      birthday={birthday}
      submitLabel="Save"
      pending={update.isPending}
      error={update.error}
      onCancel={onClose}
      onSubmit={(body) => update.mutate(body, { onSuccess: onClose })}
    />
  );
}
