import { CHANNELS, type Channel, type Direction } from '@contract/vocabulary';
import {
  Checkbox,
  type CheckboxProps,
  Input,
  SegmentedControl,
  Select,
  type SelectProps,
} from '@mantine/core';
import { CHANNEL_LABELS, toChannel } from './channel-icon';

const CHANNEL_OPTIONS = CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }));

/** A channel pick that never goes empty; other Select props (label, size, width…) pass through. */
export function ChannelSelect({
  value,
  onChange,
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: Channel; onChange: (next: Channel) => void }) {
  return (
    <Select
      {...rest}
      data={CHANNEL_OPTIONS}
      value={value}
      allowDeselect={false}
      onChange={(picked) => {
        const next = toChannel(picked);
        if (next) onChange(next);
      }}
    />
  );
}

/** Who reached out, as two labelled halves. */
export function DirectionControl({
  value,
  onChange,
  error,
}: {
  value: Direction;
  onChange: (next: Direction) => void;
  error?: string;
}) {
  return (
    <Input.Wrapper label="Direction" error={error}>
      <SegmentedControl
        fullWidth
        aria-label="Direction"
        value={value}
        onChange={(picked) => onChange(picked === 'inbound' ? 'inbound' : 'outbound')}
        data={[
          { value: 'outbound', label: 'I reached out' },
          { value: 'inbound', label: 'They reached out' },
        ]}
      />
    </Input.Wrapper>
  );
}

/**
 * "Awaiting their reply", off and disabled for an inbound touch: the server keeps "awaiting" only for
 * outbound messages, since nobody owes themselves a reply.
 */
export function AwaitingReplyCheckbox({
  direction,
  checked,
  onChange,
  description,
}: {
  direction: Direction;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: CheckboxProps['description'];
}) {
  return (
    <Checkbox
      label="Awaiting their reply"
      description={description}
      disabled={direction === 'inbound'}
      checked={checked && direction === 'outbound'}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  );
}
