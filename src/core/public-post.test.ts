import { describe, expect, it } from 'vitest';
import { congratulationPost, LINKEDIN_POST_MAX, linkedInShareUrl } from './public-post.js';

describe('public posts', () => {
  it('opens LinkedIn’s share dialog with the text, encoded and capped', () => {
    const url = new URL(linkedInShareUrl('Big news & more: 100% #win'));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/feed/');
    expect(url.searchParams.get('shareActive')).toBe('true');
    expect(url.searchParams.get('text')).toBe('Big news & more: 100% #win');
    const long = new URL(linkedInShareUrl('x'.repeat(LINKEDIN_POST_MAX + 50)));
    expect(long.searchParams.get('text')).toHaveLength(LINKEDIN_POST_MAX);
  });

  it('drafts a congratulation naming the person and the win, never for a challenge', () => {
    expect(
      congratulationPost({
        name: 'Grace Hopper',
        kind: 'promotion',
        title: 'Promoted to Rear Admiral.',
        company: 'US Navy',
      }),
    ).toMatch(/^Congratulations to Grace Hopper on the promotion at US Navy: Promoted to Rear Admiral!\n\n/);
    expect(congratulationPost({ name: 'Lin', kind: 'award', title: 'Best paper at ICSE' })).toContain(
      'on the award: Best paper at ICSE!',
    );
    expect(congratulationPost({ name: 'Lin', kind: 'challenge', title: 'Laid off' })).toBeNull();
  });
});
