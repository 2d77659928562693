import { LEDGER_DIRECTION } from '@contract/vocabulary';
import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { RowActions } from '../../ui/detail-card';
import { ErrorPanel } from '../../ui/error-panel';
import { PlainList } from '../../ui/plain-list';
import { hideFromList, undoableDelete } from '../../ui/undo-delete';
import { LedgerForm } from './ledger-form';
import { balanceColor, LEDGER_LABELS, signed } from './ledger-labels';
import { contactLedgerKey, deleteLedgerEntry, ledgerKey, useContactLedger } from './queries';

const DIRECTION_COLORS = { give: 'teal', ask: 'red', received: 'orange' } as const;

/** A contact's give/ask balance, its entries and the forms to log either. */
export function LedgerCard({ contactId }: { contactId: string }) {
  const ledger = useContactLedger(contactId);
  const [mode, setMode] = useState<'give' | 'ask' | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const client = useQueryClient();
  // The balance and the network figures follow once the DELETE lands (or Undo refetches).
  const remove = (id: string) =>
    undoableDelete({
      client,
      what: 'Ledger entry',
      keys: [ledgerKey],
      hide: hideFromList(client, contactLedgerKey(contactId), id),
      remove: () => deleteLedgerEntry(id),
    });

  if (ledger.isPending) return <Loader size="sm" aria-label="Loading ledger" />;
  if (ledger.isError) return <ErrorPanel error={ledger.error} onRetry={() => ledger.refetch()} />;
  const l = ledger.data;

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Badge
            size="lg"
            color={balanceColor(l.balance)}
            variant="light"
            aria-label={`Balance ${signed(l.balance)}`}
          >
            Balance {signed(l.balance)}
          </Badge>
          <Text size="xs" c="dimmed">
            {l.gives} given · {l.asks} asked · {l.received} received
          </Text>
        </Group>
        {mode === null && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setMode('give')}>
              Log a give
            </Button>
            <Button size="xs" variant="default" onClick={() => setMode('ask')}>
              Log an ask
            </Button>
          </Group>
        )}
      </Group>
      {warning && (
        <Alert
          color="yellow"
          role="alert"
          withCloseButton
          onClose={() => setWarning(null)}
          className="tend-wrap"
        >
          {warning}
        </Alert>
      )}
      {mode && (
        <LedgerForm
          key={mode}
          contactId={contactId}
          mode={mode}
          onDone={() => setMode(null)}
          onWarning={setWarning}
        />
      )}
      {l.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing given or asked yet.
        </Text>
      ) : (
        <PlainList label="Ledger entries" gap={6}>
          {l.items.map((e, i) => (
            <Stack key={e.id} component="li" gap={2}>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Badge size="sm" variant="dot" color={DIRECTION_COLORS[LEDGER_DIRECTION[e.kind]]}>
                  {LEDGER_LABELS[e.kind]}
                </Badge>
                <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                  <Text size="xs" c="dimmed">
                    {formatDate(e.occurredOn)}
                  </Text>
                  <RowActions
                    name={`ledger entry ${i + 1}, ${LEDGER_LABELS[e.kind]}`}
                    onDelete={() => remove(e.id)}
                  />
                </Group>
              </Group>
              {e.note && (
                <Text size="sm" className="tend-wrap" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.note}
                </Text>
              )}
            </Stack>
          ))}
        </PlainList>
      )}
    </Stack>
  );
}
