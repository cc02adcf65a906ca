/**
 * A small menu button (the WAI-ARIA menu button pattern): the trigger has aria-haspopup and
 * aria-expanded; the menu opens below it (fixed, in a portal on the body, so a scrolling or
 * composited grid never clips or shifts it), focuses
 * its first item, moves with the arrow keys, Home and End, closes on Escape, Tab or a click
 * elsewhere and gives the focus back to the trigger.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  readonly label: string;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
  /** Keep the focus where onSelect put it (it started an edit), not on the trigger. */
  readonly keepFocus?: boolean;
}

interface Props {
  /** The trigger's accessible name. */
  readonly label: string;
  /** What the trigger shows (a glyph or text). */
  readonly children: ReactNode;
  readonly items: readonly MenuItem[];
  readonly className?: string;
  readonly disabled?: boolean;
  /** An empty menu's one line (shown as a disabled item). */
  readonly emptyText?: string;
  readonly tabIndex?: number;
  readonly title?: string;
}

export function MenuButton({
  label,
  children,
  items,
  className,
  disabled,
  emptyText,
  tabIndex,
  title,
}: Props) {
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  useLayoutEffect(() => {
    if (!open || !trigger.current) return;
    const r = trigger.current.getBoundingClientRect();
    const width = 220;
    const left = Math.max(4, Math.min(r.left, window.innerWidth - width - 4));
    setAt({ top: r.bottom + 4, left });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const first = menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)');
    first?.focus();
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !trigger.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open, at]);

  const close = (focusTrigger: boolean) => {
    setOpen(false);
    if (focusTrigger) trigger.current?.focus();
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    const list = [
      ...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? []),
    ];
    const i = list.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowDown') next = list[(i + 1) % list.length];
    else if (e.key === 'ArrowUp') next = list[(i - 1 + list.length) % list.length];
    else if (e.key === 'Home') next = list[0];
    else if (e.key === 'End') next = list[list.length - 1];
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
      return;
    } else if (e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
      return;
    } else if (e.key !== 'Enter' && e.key !== ' ') {
      e.stopPropagation();
      return;
    }
    if (next) {
      e.preventDefault();
      next.focus();
    }
    e.stopPropagation();
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={className}
        aria-label={label}
        title={title ?? label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        disabled={disabled}
        tabIndex={tabIndex}
        draggable={false}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !e.altKey) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open
        ? createPortal(
            <div
              ref={menu}
              id={id}
              role="menu"
              aria-label={label}
              className="grid-menu"
              style={at ? { top: at.top, left: at.left } : { visibility: 'hidden' }}
              onKeyDown={onMenuKey}
            >
              {items.length === 0 && emptyText ? (
                <button type="button" role="menuitem" disabled tabIndex={-1}>
                  {emptyText}
                </button>
              ) : null}
              {items.map((item, i) => (
                <button
                  key={`${i}:${item.label}`}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  disabled={item.disabled}
                  onClick={() => {
                    close(!item.keepFocus);
                    item.onSelect();
                  }}
                >
                  {item.label}
                </button>
              ))}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
