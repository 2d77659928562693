import { Group, Select } from '@mantine/core';
import { CIRCLE_COLORS, CircleDot } from './circle-dot';

const NO_COLOR = 'none';
const colorChoices = [{ value: NO_COLOR, label: 'No colour' }, ...CIRCLE_COLORS.map((c) => ({ ...c }))];

/** The circle palette as a select, each option with its dot; null = no colour. Used by the table and the New circle form. */
export function CircleColorSelect({
  value,
  onChange,
  label,
  ariaLabel,
  w = 150,
}: {
  value: string | null;
  onChange: (color: string | null) => void;
  label?: string;
  ariaLabel?: string;
  w?: number;
}) {
  return (
    <Select
      label={label}
      aria-label={ariaLabel}
      data={
        value && !CIRCLE_COLORS.some((c) => c.value === value)
          ? [...colorChoices, { value, label: value }]
          : colorChoices
      }
      value={value ?? NO_COLOR}
      allowDeselect={false}
      leftSection={value ? <CircleDot color={value} size={12} /> : null}
      renderOption={({ option }) => (
        <Group gap={8} wrap="nowrap">
          <CircleDot color={option.value === NO_COLOR ? null : option.value} size={12} />
          {option.label}
        </Group>
      )}
      onChange={(v) => {
        if (!v || v === (value ?? NO_COLOR)) return;
        onChange(v === NO_COLOR ? null : v);
      }}
      w={w}
    />
  );
}
