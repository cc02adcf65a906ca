/**
 * Whether the inspector is open or collapsed to a thin strip, remembered on this device, and
 * the key that toggles it (I, outside text fields; listed with the shortcuts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isTyping } from '../hooks/useShortcuts';

export const INSPECTOR_KEY = 'I';
const STORAGE_KEY = 'itinera.inspectorOpen';

function load(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function useInspectorOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(load);
  const set = useCallback((next: boolean) => {
    try {
      localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      // Storage blocked: remembered for this page only.
    }
    setOpen(next);
  }, []);
  const current = useRef(open);
  current.current = open;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      if (e.key.toUpperCase() !== INSPECTOR_KEY) return;
      e.preventDefault();
      set(!current.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [set]);
  return [open, set];
}
