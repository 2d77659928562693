import { useEffect, useEffectEvent } from 'react';
import { isTyping } from '../../lib/is-typing';

export type QueueKey = 'next' | 'previous' | 'open' | 'done' | 'snooze' | 'log';

const KEYS: Record<string, QueueKey> = {
  j: 'next',
  k: 'previous',
  o: 'open',
  Enter: 'open',
  d: 'done',
  s: 'snooze',
  l: 'log',
};

/**
 * The Today page's single-key shortcuts (j/k, Enter/o, d, s, l; `?` is the layout's). They never fire while typing,
 * with a modifier held, or when `enabled` is false (a dialog is open); Enter on a button or a link
 * is left to that button or link.
 */
export function useQueueKeys(enabled: boolean, onKey: (key: QueueKey) => void) {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (!enabled || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const key = KEYS[event.key];
    if (!key) return;
    if (key === 'open' && event.key === 'Enter' && event.target instanceof HTMLElement) {
      if (event.target.closest('a, button, [role="button"], [role="option"]')) return;
    }
    event.preventDefault();
    onKey(key);
  });
  useEffect(() => {
    document.addEventListener('keydown', handle);
    return () => document.removeEventListener('keydown', handle);
  }, []);
}
