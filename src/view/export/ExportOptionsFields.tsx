/** The options area of the export menu: picture, scale, background, padding, size, title, legend, comment pins and persona cards. */
import { useTranslation } from 'react-i18next';
import {
  BACKGROUNDS,
  FITS,
  MAX_PADDING_PX,
  PICTURES,
  SCALES,
  type ImageOptions,
  type Picture,
} from '../../export/options';

interface Props {
  value: ImageOptions;
  onChange(next: ImageOptions): void;
  /** The canvas or the grid; omitted: no choice shown. */
  picture?: Picture;
  onPictureChange?(next: Picture): void;
}

export function ExportOptionsFields({ value, onChange, picture, onPictureChange }: Props) {
  const { t } = useTranslation('export');
  const set = <K extends keyof ImageOptions>(key: K, v: ImageOptions[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <fieldset className="export-options">
      <legend>{t('options.legend')}</legend>
      {picture && onPictureChange ? (
        <label>
          {t('options.picture')}
          <select value={picture} onChange={(e) => onPictureChange(e.target.value as Picture)}>
            {PICTURES.map((p) => (
              <option key={p} value={p}>
                {t(`options.pictures.${p}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {t('options.scale')}
        <select
          value={value.scale}
          onChange={(e) => set('scale', Number(e.target.value) as ImageOptions['scale'])}
        >
          {SCALES.map((s) => (
            <option key={s} value={s}>{`${s}×`}</option>
          ))}
        </select>
      </label>
      <label>
        {t('options.background')}
        <select
          value={value.background}
          onChange={(e) => set('background', e.target.value as ImageOptions['background'])}
        >
          {BACKGROUNDS.map((b) => (
            <option key={b} value={b}>
              {t(`options.bg.${b}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('options.padding')}
        <input
          type="number"
          min={0}
          max={MAX_PADDING_PX}
          step={8}
          value={value.paddingPx}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (Number.isFinite(n)) set('paddingPx', Math.min(MAX_PADDING_PX, Math.max(0, n)));
          }}
        />
      </label>
      <label>
        {t('options.fit')}
        <select
          value={value.fit}
          onChange={(e) => set('fit', e.target.value as ImageOptions['fit'])}
        >
          {FITS.map((f) => (
            <option key={f} value={f}>
              {t(`options.fits.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="export-check">
        <input
          type="checkbox"
          checked={value.includeTitle}
          onChange={(e) => set('includeTitle', e.target.checked)}
        />
        {t('options.title')}
      </label>
      <label className="export-check">
        <input
          type="checkbox"
          checked={value.includeLegend}
          onChange={(e) => set('includeLegend', e.target.checked)}
        />
        {t('options.legendBox')}
      </label>
      <label className="export-check">
        <input
          type="checkbox"
          checked={value.includeComments}
          onChange={(e) => set('includeComments', e.target.checked)}
        />
        {t('options.commentPins')}
      </label>
      <label className="export-check">
        <input
          type="checkbox"
          checked={value.includePersonas}
          onChange={(e) => set('includePersonas', e.target.checked)}
        />
        {t('options.personaCards')}
      </label>
    </fieldset>
  );
}
