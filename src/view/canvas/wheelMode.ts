/**
 * What the mouse wheel does on the canvas, remembered on this device: pan (scroll moves the map,
 * Ctrl/Cmd+wheel and pinch zoom) or zoom (as in Miro: the wheel zooms, dragging pans).
 */
export type WheelMode = 'pan' | 'zoom';
export const WHEEL_MODES: readonly WheelMode[] = ['pan', 'zoom'];

const KEY = 'itinera.wheelMode';

export function loadWheelMode(): WheelMode {
  try {
    return localStorage.getItem(KEY) === 'zoom' ? 'zoom' : 'pan';
  } catch {
    return 'pan';
  }
}

export function saveWheelMode(mode: WheelMode): void {
  try {
    localStorage.setItem(KEY, mode);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}
