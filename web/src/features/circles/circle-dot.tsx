/** The colours a circle can take: a small palette that reads on light and dark backgrounds. */
export const CIRCLE_COLORS = [
  { value: '#e03131', label: 'Red' },
  { value: '#e8590c', label: 'Orange' },
  { value: '#f08c00', label: 'Amber' },
  { value: '#2f9e44', label: 'Green' },
  { value: '#0c8599', label: 'Teal' },
  { value: '#1971c2', label: 'Blue' },
  { value: '#7048e8', label: 'Violet' },
  { value: '#c2255c', label: 'Pink' },
  { value: '#868e96', label: 'Grey' },
] as const;

/** The palette's name of a colour ("Blue"), or the colour itself when it is not one of them. */
export function colorName(color: string): string {
  return CIRCLE_COLORS.find((c) => c.value === color)?.label ?? color;
}

/** A small round swatch of a circle's colour; decorative, the circle's name says the rest. */
export function CircleDot({ color, size = 10 }: { color: string | null | undefined; size?: number }) {
  if (!color) return null;
  return (
    <span
      aria-hidden="true"
      data-circle-color={color}
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: '50%',
        background: color,
        boxShadow: '0 0 0 1.5px var(--mantine-color-body)',
        flexShrink: 0,
      }}
    />
  );
}
