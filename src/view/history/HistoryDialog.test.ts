/** A version the server refused for good is listed as "not sent" and why; a pending one as pending. */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { createValueStore } from '../../model/observable';
import type { VersionItem, VersionsApi, VersionsState } from '../../model/versions/api';
import { makeSnapshot, renderStatic } from '../testing/staticRender';
import { HistoryDialog } from './HistoryDialog';

const item = (id: string, extra: Partial<VersionItem>): VersionItem => ({
  id,
  mapId: 'm1',
  name: id,
  kind: 'named',
  at: Date.UTC(2026, 11, 2, 9),
  by: 'Ada',
  size: 10,
  pending: false,
  ...extra,
});

function render(versions: VersionItem[], lang: 'en' | 'it' = 'en'): string {
  const api: VersionsApi = {
    state: createValueStore<VersionsState>({ status: 'ready', versions }),
    canWrite: true,
    refresh: async () => undefined,
    save: async () => versions[0]!,
    preview: async () => undefined,
    restore: async () => 'same',
    restoreAsNew: async () => 'm2',
  };
  return renderStatic(
    createElement(HistoryDialog, { versions: api, onClose: () => undefined }),
    makeSnapshot(),
    lang,
  );
}

describe('HistoryDialog: versions not sent', () => {
  it('says why the server refused a version, in English and Italian; a pending one waits', () => {
    const versions = [
      item('Too big', { pending: true, notSent: { status: 413, message: 'body: over 8 MiB' } }),
      item('No right', { pending: true, notSent: { status: 403, message: 'authorization' } }),
      item('Waiting', { pending: true }),
    ];
    const en = render(versions);
    expect(en).toContain('Not sent: too large for the server');
    expect(en).toContain('title="body: over 8 MiB"');
    expect(en).toContain('Not sent: this device may no longer change the map');
    expect(en.match(/Not on the server yet/g)).toHaveLength(1);
    const italian = render(versions, 'it');
    expect(italian).toContain('Non inviata: troppo grande per il server');
    expect(italian).toContain('Non ancora sul server');
  });
});
