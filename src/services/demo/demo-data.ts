import type { Channel, FactKind, LifeEventKind } from '../../core/vocabulary';

/** Cities with their country and IANA zone, so the demo's working hours and birthdays land in the right zone. */
export const DEMO_PLACES = [
  { city: 'London', country: 'United Kingdom', zone: 'Europe/London', dial: '+44 20' },
  { city: 'Manchester', country: 'United Kingdom', zone: 'Europe/London', dial: '+44 161' },
  { city: 'Paris', country: 'France', zone: 'Europe/Paris', dial: '+33 1' },
  { city: 'Berlin', country: 'Germany', zone: 'Europe/Berlin', dial: '+49 30' },
  { city: 'Amsterdam', country: 'Netherlands', zone: 'Europe/Amsterdam', dial: '+31 20' },
  { city: 'Madrid', country: 'Spain', zone: 'Europe/Madrid', dial: '+34 91' },
  { city: 'Stockholm', country: 'Sweden', zone: 'Europe/Stockholm', dial: '+46 8' },
  { city: 'Dublin', country: 'Ireland', zone: 'Europe/Dublin', dial: '+353 1' },
  { city: 'New York', country: 'United States', zone: 'America/New_York', dial: '+1 212' },
  { city: 'San Francisco', country: 'United States', zone: 'America/Los_Angeles', dial: '+1 415' },
  { city: 'Austin', country: 'United States', zone: 'America/Chicago', dial: '+1 512' },
  { city: 'Toronto', country: 'Canada', zone: 'America/Toronto', dial: '+1 416' },
  { city: 'São Paulo', country: 'Brazil', zone: 'America/Sao_Paulo', dial: '+55 11' },
  { city: 'Singapore', country: 'Singapore', zone: 'Asia/Singapore', dial: '+65 6' },
  { city: 'Tokyo', country: 'Japan', zone: 'Asia/Tokyo', dial: '+81 3' },
  { city: 'Bangalore', country: 'India', zone: 'Asia/Kolkata', dial: '+91 80' },
  { city: 'Sydney', country: 'Australia', zone: 'Australia/Sydney', dial: '+61 2' },
  { city: 'Cape Town', country: 'South Africa', zone: 'Africa/Johannesburg', dial: '+27 21' },
] as const;

export const DEMO_INDUSTRIES = [
  'Software',
  'Fintech',
  'Healthcare',
  'Consulting',
  'Venture capital',
  'Media',
  'Climate tech',
  'Retail',
  'Education',
  'Manufacturing',
] as const;

export const DEMO_TAGS = [
  'conference',
  'ex-colleague',
  'investor',
  'founder',
  'hiring',
  'speaker',
  'alumni',
  'open-source',
  'podcast',
  'vip',
] as const;

export const DEMO_TOPICS = [
  'fundraising',
  'hiring',
  'product strategy',
  'AI',
  'pricing',
  'career move',
  'conference',
  'partnership',
  'remote work',
  'board',
] as const;

export const DEMO_HOW_MET = [
  'Sat next to each other at a conference dinner',
  'Introduced by a former colleague',
  'Worked together on a client project',
  'Met at a startup meetup',
  'Former manager',
  'Reached out after a podcast episode',
] as const;

/** Summaries by channel; `{topic}` is filled in, so the log reads like a real one. */
export const DEMO_SUMMARIES: Record<Channel, readonly string[]> = {
  email: ['Shared an article on {topic}', 'Followed up on our chat about {topic}', 'Sent notes on {topic}'],
  linkedin: ['Congratulated them on the new role', 'Commented on their post about {topic}'],
  text: ['Quick check on {topic}', 'Sent a photo from the trip'],
  call: ['Caught up on {topic}', 'Phone call about {topic}'],
  video: ['Virtual coffee: {topic}', '30-minute call about {topic}'],
  in_person: ['Lunch, talked about {topic}', 'Coffee near their office: {topic}'],
  card: ['Sent a handwritten card'],
  social_dm: ['DM about {topic}'],
  event: ['Met at a meetup on {topic}', 'Saw them at the {topic} conference'],
};

export const DEMO_FACTS: { kind: FactKind; label: string; values: readonly string[] }[] = [
  {
    kind: 'hobby',
    label: 'hobby',
    values: ['sailing', 'bouldering', 'sourdough baking', 'trail running', 'chess', 'pottery'],
  },
  {
    kind: 'interest',
    label: 'interest',
    values: ['climate policy', 'jazz', 'Formula 1', 'urban design', 'sci-fi novels'],
  },
  {
    kind: 'working_on',
    label: 'working on',
    values: [
      'a Series A raise',
      'a book on leadership',
      'a new pricing model',
      'their first board seat',
      'an open-source SDK',
    ],
  },
  {
    kind: 'professional_topic',
    label: 'expert in',
    values: ['go-to-market', 'data platforms', 'design systems', 'supply chains', 'M&A'],
  },
  {
    kind: 'preference',
    label: 'prefers',
    values: ['texts over calls', 'mornings', 'tea, not coffee', 'walking meetings'],
  },
];

export const DEMO_NOTES = [
  'Prefers short, direct messages. Always replies within a day.',
  'Mentioned they might be looking for a new role next year.',
  'Great connector: knows half the investors in town.',
  'Promised to send them the report on {topic}.',
  'Their team is hiring two engineers: pass on good people.',
  'Asked for advice on {topic}; follow up with a concrete intro.',
] as const;

export const DEMO_LIFE_EVENTS: { kind: LifeEventKind; title: string }[] = [
  { kind: 'promotion', title: 'Promoted to VP' },
  { kind: 'new_job', title: 'Started a new job' },
  { kind: 'product_launch', title: 'Launched their product publicly' },
  { kind: 'award', title: 'Won an industry award' },
  { kind: 'move', title: 'Moved to a new city' },
  { kind: 'new_role', title: 'Took over a new team' },
  { kind: 'challenge', title: 'Their team was hit by layoffs' },
];

export const DEMO_TASKS = [
  'Send the intro you promised',
  'Share the slides from the talk',
  'Book a lunch next month',
  'Reply about the advisory role',
  'Send a congratulations card',
  'Ask for feedback on the proposal',
] as const;
