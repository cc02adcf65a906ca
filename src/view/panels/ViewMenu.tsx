/**
 * The toolbar's "View" menu button: a popover (a labelled dialog) holding the view settings
 * (snap to grid, what the mouse wheel does) and the evidence controls (Show assumptions only,
 * the evidence key), so the toolbar stays on one line. Escape and a click outside close it;
 * Escape returns focus to the button. "Showing N assumptions" stays beside the button while
 * the filter is on.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloseOnOutside } from '../hooks/useCloseOnOutside';
import { AssumptionsFilter, AssumptionsStatus, EvidenceLegend } from '../personas/EvidenceMark';

export function ViewMenu({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('editor');
  const [open, setOpen] = useState(false);
  const popId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useCloseOnOutside(open, ref, setOpen);
  return (
    <div
      className="view-menu"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className="view-menu-button"
        aria-expanded={open}
        aria-controls={open ? popId : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
      >
        {t('toolbar.view')} <span aria-hidden="true">▾</span>
      </button>
      <AssumptionsStatus />
      {open ? (
        <div
          className="view-menu-pop"
          id={popId}
          role="dialog"
          aria-label={t('toolbar.viewSettings')}
        >
          {children}
          <AssumptionsFilter />
          <EvidenceLegend className="is-inline" />
        </div>
      ) : null}
    </div>
  );
}
