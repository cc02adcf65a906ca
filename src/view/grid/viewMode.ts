/** Which view of a map (canvas or grid) this device shows, remembered per map. */
export type EditorView = 'canvas' | 'grid';

const key = (mapId: string) => `itinera.view.${mapId}`;

export function loadEditorView(mapId: string): EditorView {
  try {
    return localStorage.getItem(key(mapId)) === 'grid' ? 'grid' : 'canvas';
  } catch {
    return 'canvas';
  }
}

export function saveEditorView(mapId: string, view: EditorView): void {
  try {
    localStorage.setItem(key(mapId), view);
  } catch {
    /* storage full or denied: the choice lasts for this page only */
  }
}
