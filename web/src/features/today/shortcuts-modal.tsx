import { Kbd, Modal, Table } from '@mantine/core';

const SHORTCUTS: [string[], string][] = [
  [['j'], 'Next contact'],
  [['k'], 'Previous contact'],
  [['Enter', 'o'], 'Open “before you reach out”'],
  [['d'], 'Done (log it, or just mark done)'],
  [['s'], 'Snooze'],
  [['l'], 'Log an interaction'],
  [['?'], 'Show these shortcuts'],
  [['Esc'], 'Close a panel or dialog'],
];

/** The keys the Today page answers to. */
export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered>
      <Table aria-label="Keyboard shortcuts" verticalSpacing={6}>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={what}>
              <Table.Td w={110}>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
