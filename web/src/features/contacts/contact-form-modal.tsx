import type { Contact } from '@contract/contacts';
import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from 'react-router';
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
  return (
    <ContactForm
      contact={contact}
      submitLabel="Save"
      pending={update.isPending}
      error={update.error}
      onCancel={onClose}
      onSubmit={(body) => update.mutate(body, { onSuccess: onClose })}
    />
  );
}
