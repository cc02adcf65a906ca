/**
 * Shows the one-page strategy map over the editor, with Print (the browser's print gives a
 * PDF), the page size (A4 or 16:9 landscape), the map's logo and Close. A native <dialog>
 * opened modal, so focus stays inside and Escape closes it. The page size is an `@page` rule
 * in an adopted style sheet (CSSOM: the CSP allows no inline <style>), removed on close.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidLogo } from '../../model/map-settings';
import { LOGO_MEDIA_TYPES, MAX_LOGO_BYTES } from '../../model/records/meta';
import type { MapSnapshot } from '../../model/types';
import { useSession } from '../canvas/SessionContext';
import { StrategyPrintView, type PageSize } from './StrategyPrintView';

/** The paper of each page size; the page's content box is these less 10 mm margins. */
const PAGE_RULE: Record<PageSize, string> = {
  a4: '@page { size: 297mm 210mm; margin: 10mm; }',
  wide: '@page { size: 297mm 167mm; margin: 10mm; }',
};
const SIZE_KEY = 'itinera.onePageSize';

function usePageRule(size: PageSize) {
  useEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PAGE_RULE[size]);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [size]);
}

/** Reads a picked file as a data URL, or says why it cannot be the logo. */
function readLogo(
  file: File,
): Promise<{ ok: true; url: string } | { ok: false; error: 'type' | 'size' }> {
  if (!(LOGO_MEDIA_TYPES as readonly string[]).includes(file.type))
    return Promise.resolve({ ok: false, error: 'type' });
  if (file.size > MAX_LOGO_BYTES) return Promise.resolve({ ok: false, error: 'size' });
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(isValidLogo(url) ? { ok: true, url } : { ok: false, error: 'size' });
    };
    reader.onerror = () => resolve({ ok: false, error: 'type' });
    reader.readAsDataURL(file);
  });
}

export function PrintDialog({ snapshot, onClose }: { snapshot: MapSnapshot; onClose(): void }) {
  const { t } = useTranslation('strategy');
  const { t: tw } = useTranslation('workshop');
  const session = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [size, setSize] = useState<PageSize>(() =>
    localStorage.getItem(SIZE_KEY) === 'wide' ? 'wide' : 'a4',
  );
  const [logoError, setLogoError] = useState<string | null>(null);
  usePageRule(size);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const canEdit = session.readOnlyReason === null;
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const r = await readLogo(file);
    if (!r.ok) {
      setLogoError(
        r.error === 'type'
          ? tw('onePage.logoType')
          : tw('onePage.logoSize', { kb: Math.floor(MAX_LOGO_BYTES / 1000) }),
      );
      return;
    }
    setLogoError(null);
    session.commands.setMapLogo(r.url);
  };
  return (
    <dialog
      ref={ref}
      className="strategy-print-dialog"
      aria-label={t('print.label')}
      onClose={onClose}
    >
      <div className="no-print strategy-print-actions">
        <label>
          {tw('onePage.page')}{' '}
          <select
            value={size}
            onChange={(e) => {
              const next = e.target.value === 'wide' ? 'wide' : 'a4';
              localStorage.setItem(SIZE_KEY, next);
              setSize(next);
            }}
          >
            <option value="a4">{tw('onePage.a4')}</option>
            <option value="wide">{tw('onePage.wide')}</option>
          </select>
        </label>
        {canEdit ? (
          <>
            <input
              ref={fileRef}
              type="file"
              hidden
              accept={LOGO_MEDIA_TYPES.join(',')}
              aria-label={tw('onePage.logo')}
              data-testid="logo-file"
              onChange={(e) => {
                void pick(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <button type="button" onClick={() => fileRef.current?.click()}>
              {snapshot.meta.logo ? tw('onePage.replaceLogo') : tw('onePage.addLogo')}
            </button>
            {snapshot.meta.logo ? (
              <button type="button" onClick={() => session.commands.setMapLogo(null)}>
                {tw('onePage.removeLogo')}
              </button>
            ) : null}
          </>
        ) : null}
        <button type="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('print.close')}
        </button>
      </div>
      {logoError ? (
        <p className="no-print strategy-warning op-logo-error" role="alert">
          {logoError}
        </p>
      ) : null}
      <StrategyPrintView snapshot={snapshot} size={size} />
    </dialog>
  );
}
