/** Closes an open popover when a pointer goes down outside its wrapper (menus, popovers). */
import { useEffect, type RefObject } from 'react';

export function useCloseOnOutside(
  open: boolean,
  wrap: RefObject<HTMLElement | null>,
  close: (open: false) => void,
): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, wrap, close]);
}
