import { Paper, Tabs } from '@mantine/core';
import { CatchUpCard } from '../catch-ups/catch-up-card';
import { ContactResourcesCard } from '../resources/contact-resources-card';
import { LedgerCard } from './ledger-card';

/** "Give before you ask" on a contact page: the ledger, resources worth sending, and a catch-up to plan. */
export function GiveTabs({ contactId, contactName }: { contactId: string; contactName: string }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      {/* Only the open tab loads: slot suggestions and matches are not free to compute. */}
      <Tabs defaultValue="ledger" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="ledger">Ledger</Tabs.Tab>
          <Tabs.Tab value="resources">Resources that fit</Tabs.Tab>
          <Tabs.Tab value="catch-up">Catch-up</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ledger">
          <LedgerCard contactId={contactId} />
        </Tabs.Panel>
        <Tabs.Panel value="resources">
          <ContactResourcesCard contactId={contactId} contactName={contactName} />
        </Tabs.Panel>
        <Tabs.Panel value="catch-up">
          <CatchUpCard contactId={contactId} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
