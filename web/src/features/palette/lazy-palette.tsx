import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';

/*
 * The command palette (Mantine Spotlight, the contact search, the log form) is its own chunk, so a
 * signed-in Today's first JavaScript stays under budget. It loads when the browser is idle after the
 * first paint, or at once on the first key press or a click on Search, so Ctrl/Cmd+K opens it with
 * no visible delay; a shortcut pressed before it has loaded opens it as soon as it has.
 */
const load = () => import('./command-palette');
let loading: ReturnType<typeof load> | null = null;
let palette: Awaited<ReturnType<typeof load>> | null = null;
let mounted = false;
// Once the palette has mounted, Spotlight's own hotkeys (mod+K, /) take over.
let ready = false;
// Asked for (a shortcut or the Search button) before it had mounted: opened as soon as it has.
let requested = false;
const listeners = new Set<() => void>();

/** Starts loading the palette's chunk (once) and mounts it. */
export function preloadPalette(): ReturnType<typeof load> {
  loading ??= load().then((m) => {
    palette = m;
    return m;
  });
  if (!mounted) {
    mounted = true;
    for (const l of listeners) l();
  }
  return loading;
}

/** Opens the palette, loading it first if need be. */
export function openPalette(): void {
  if (ready && palette) {
    palette.openCommandPalette();
    return;
  }
  requested = true;
  void preloadPalette();
}

/** Rendered after the palette, so its effect runs once Spotlight has mounted and bound its hotkeys. */
function Ready() {
  useEffect(() => {
    ready = true;
    if (requested && palette) {
      requested = false;
      palette.openCommandPalette();
    }
  }, []);
  return null;
}

const CommandPalette = lazy(async () => ({ default: (await preloadPalette()).CommandPalette }));

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Mounts the palette once loaded; until then, catches its shortcuts so none is lost. */
export function LazyCommandPalette() {
  const shown = useSyncExternalStore(subscribe, () => mounted);
  useEffect(() => {
    const idle =
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(() => preloadPalette(), { timeout: 3000 })
        : window.setTimeout(() => preloadPalette(), 1500);
    const onKey = (e: KeyboardEvent) => {
      if (ready) return;
      const shortcut =
        ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing(e.target));
      if (shortcut) {
        e.preventDefault();
        openPalette();
      } else preloadPalette();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, []);
  return shown ? (
    <Suspense fallback={null}>
      <CommandPalette />
      <Ready />
    </Suspense>
  ) : null;
}
