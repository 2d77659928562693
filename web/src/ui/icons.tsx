import type { SVGProps } from 'react';

/** A handful of stroke icons drawn inline (no icon font: the CSP allows nothing external). */
export type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ paths, size = 18, ...props }: IconProps & { paths: string[] }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

export const IconSun = (p: IconProps) =>
  svg(p, [
    'M12 8a4 4 0 1 0 0 8a4 4 0 0 0 0-8z',
    'M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  ]);
export const IconMoon = (p: IconProps) => svg(p, ['M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z']);
export const IconAuto = (p: IconProps) =>
  svg(p, ['M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18z', 'M12 3v18a9 9 0 0 0 0-18z']);
export const IconToday = (p: IconProps) =>
  svg(p, ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v4M16 3v4', 'M9 15l2 2l4-4']);
export const IconUsers = (p: IconProps) =>
  svg(p, [
    'M9 11a4 4 0 1 0 0-8a4 4 0 0 0 0 8z',
    'M2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1',
    'M16 3.5a4 4 0 0 1 0 7.5M22 21v-1a6 6 0 0 0-4-5.6',
  ]);
export const IconSettings = (p: IconProps) =>
  svg(p, [
    'M12 9a3 3 0 1 0 0 6a3 3 0 0 0 0-6z',
    'M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3a1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5a1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8a1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1a1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5a1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z',
  ]);
export const IconSearch = (p: IconProps) => svg(p, ['M11 4a7 7 0 1 0 0 14a7 7 0 0 0 0-14z', 'M21 21l-5-5']);
export const IconPlus = (p: IconProps) => svg(p, ['M12 5v14M5 12h14']);
export const IconEdit = (p: IconProps) =>
  svg(p, ['M4 20h4l10.5-10.5a2.8 2.8 0 0 0-4-4L4 16v4z', 'M13.5 6.5l4 4']);
export const IconTrash = (p: IconProps) =>
  svg(p, ['M4 7h16', 'M10 11v6M14 11v6', 'M5 7l1 13h12l1-13', 'M9 7V4h6v3']);
export const IconLogout = (p: IconProps) =>
  svg(p, [
    'M14 8V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-3',
    'M9 12h12l-3-3M18 15l3-3',
  ]);
export const IconFilter = (p: IconProps) => svg(p, ['M4 4h16l-6 8v6l-4 2v-8z']);
export const IconMail = (p: IconProps) => svg(p, ['M3 6h18v12H3z', 'M3 6l9 7l9-7']);
export const IconPhone = (p: IconProps) =>
  svg(p, ['M5 4h4l2 5l-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2']);
export const IconMessage = (p: IconProps) => svg(p, ['M4 5h16v11H8l-4 4z']);
export const IconVideo = (p: IconProps) => svg(p, ['M3 7h12v10H3z', 'M15 10l6-3v10l-6-3']);
export const IconPeople = (p: IconProps) =>
  svg(p, [
    'M8 8a3 3 0 1 0 0-6a3 3 0 0 0 0 6z',
    'M16 8a3 3 0 1 0 0-6a3 3 0 0 0 0 6z',
    'M2 20v-2a5 5 0 0 1 10 0v2M12 20v-2a5 5 0 0 1 10 0v2',
  ]);
export const IconCard = (p: IconProps) =>
  svg(p, ['M3 5h18v14H3z', 'M12 5v14', 'M15 9h3v3h-3z', 'M5 10h4M5 14h4']);
export const IconLink = (p: IconProps) =>
  svg(p, [
    'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1',
    'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  ]);
export const IconNote = (p: IconProps) => svg(p, ['M6 3h9l4 4v14H6z', 'M14 3v5h5', 'M9 13h7M9 17h5']);
export const IconStar = (p: IconProps) =>
  svg(p, ['M12 3l2.7 5.6l6.1.9l-4.4 4.3l1 6.1L12 17l-5.4 2.9l1-6.1L3.2 9.5l6.1-.9z']);
export const IconCalendar = (p: IconProps) => svg(p, ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v4M16 3v4']);
export const IconClock = (p: IconProps) => svg(p, ['M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18z', 'M12 7v5l3 2']);
export const IconPin = (p: IconProps) =>
  svg(p, ['M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11z', 'M12 8a2 2 0 1 0 0 4a2 2 0 0 0 0-4z']);
export const IconArrowUpRight = (p: IconProps) => svg(p, ['M7 17L17 7', 'M8 7h9v9']);
export const IconArrowDownLeft = (p: IconProps) => svg(p, ['M17 7L7 17', 'M16 17H7V8']);

function svg(props: IconProps, paths: string[]) {
  return <Svg paths={paths} {...props} />;
}
