import { CHANNELS, type Channel } from '@contract/vocabulary';
import {
  IconCalendar,
  IconCard,
  IconLink,
  IconMail,
  IconMessage,
  IconPeople,
  IconPhone,
  IconVideo,
} from '../../ui/icons';

const ICONS = {
  email: IconMail,
  linkedin: IconLink,
  text: IconMessage,
  call: IconPhone,
  video: IconVideo,
  in_person: IconPeople,
  card: IconCard,
  social_dm: IconMessage,
  event: IconCalendar,
} satisfies Record<Channel, unknown>;

export const CHANNEL_LABELS = {
  email: 'E-mail',
  linkedin: 'LinkedIn',
  text: 'Text message',
  call: 'Call',
  video: 'Video call',
  in_person: 'In person',
  card: 'Card',
  social_dm: 'Social DM',
  event: 'Event',
} satisfies Record<Channel, string>;

export function ChannelIcon({ channel, size = 16 }: { channel: Channel; size?: number }) {
  const Icon = ICONS[channel];
  return <Icon size={size} />;
}

/** A select's string back as a Channel, or null when it is not one. */
export function toChannel(value: string | null): Channel | null {
  return CHANNELS.find((c) => c === value) ?? null;
}
