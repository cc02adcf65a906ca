/** The CSV controls as a browser first gets them, in English and Italian. */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { issue } from '../../model/csv/errors';
import { commandCalls, controls, makeSnapshot, renderStatic } from '../testing/staticRender';
import { CsvExportButton, csvFileName, csvLocaleOf } from './CsvExportButton';
import { CsvImport, CsvImportErrors, MAX_LISTED_ISSUES } from './CsvImport';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

describe('CsvImport', () => {
  it('is a named button and file input, and says the import never deletes', () => {
    const calls = commandCalls.length;
    const en = renderStatic(createElement(CsvImport), makeSnapshot());
    expect(text(en)).toContain('Import CSV');
    expect(text(en)).toContain('CSV import never deletes');
    const input = controls(en).find((c) => c.attrs.type === 'file')!;
    expect(input.attrs['aria-label']).toBe('Import touchpoints from a CSV file');
    expect(input.attrs.accept).toBe('.csv,text/csv');
    const button = controls(en, ['button'])[0]!;
    expect(button.attrs['aria-describedby']).toBeTruthy();
    const it = renderStatic(createElement(CsvImport), makeSnapshot(), 'it');
    expect(text(it)).toContain('Importa CSV');
    expect(text(it)).toContain('non elimina mai');
    expect(commandCalls.length).toBe(calls); // rendering writes nothing
  });

  it('lists refusals as row N, column X: message in the UI language, the first ones only', () => {
    const issues = [
      issue(4, 'Emozione (da -2 a 2)', 'badEmotion', { value: '3' }),
      ...Array.from({ length: MAX_LISTED_ISSUES + 2 }, (_, i) =>
        issue(5 + i, 'ID', 'badId', { value: 'x y', max: 100 }),
      ),
    ];
    const props = { fileName: 'map.csv', issues, onDismiss() {} };
    const en = text(renderStatic(createElement(CsvImportErrors, props), makeSnapshot()));
    expect(en).toContain('map.csv was not imported, the map is unchanged:');
    expect(en).toContain(
      'row 4, column Emozione (da -2 a 2): "3" is not an emotion: a whole number from -2 to 2, or empty',
    );
    expect(en).toContain('… and 3 more problems');
    const it = text(renderStatic(createElement(CsvImportErrors, props), makeSnapshot(), 'it'));
    expect(it).toContain(
      'riga 4, colonna Emozione (da -2 a 2): "3" non è un\'emozione: un numero intero da -2 a 2, oppure vuoto',
    );
    expect(renderStatic(createElement(CsvImportErrors, props), makeSnapshot())).toContain(
      'role="alert"',
    );
  });
});

describe('CsvExportButton', () => {
  it('is a named button; the file is in the UI language and named after the map', () => {
    expect(text(renderStatic(createElement(CsvExportButton), makeSnapshot()))).toContain(
      'Export CSV',
    );
    expect(text(renderStatic(createElement(CsvExportButton), makeSnapshot(), 'it'))).toContain(
      'Esporta CSV',
    );
    expect(csvLocaleOf('it-IT')).toBe('it');
    expect(csvLocaleOf('en-GB')).toBe('en');
    expect(csvLocaleOf(undefined)).toBe('en');
    expect(csvFileName('Viaggio in città', new Date(2026, 10, 24))).toBe(
      'viaggio-in-citta-touchpoints-2026-11-24.csv',
    );
  });
});
