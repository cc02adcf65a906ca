/** Line icons for channel and device types (24×24, stroke = currentColor). */
import { memo } from 'react';
import type { ChannelType, DeviceType } from '../../model/types';

const PATHS: Record<ChannelType | DeviceType, string> = {
  phone:
    'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  email: 'M3 6h18v12H3z M3 7l9 6 9-6',
  web: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18',
  app: 'M4 4h6v6H4z M14 4h6v6h-6z M4 14h6v6H4z M14 14h6v6h-6z',
  chat: 'M4 5h16v11H9l-5 4z M8 10h8 M8 13h5',
  social:
    'M6 12a2.5 2.5 0 1 0 0.01 0z M18 6a2.5 2.5 0 1 0 0.01 0z M18 18a2.5 2.5 0 1 0 0.01 0z M8 11l8-4 M8 13l8 4',
  messaging: 'M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3z',
  store: 'M3 9l2-5h14l2 5 M4 9v11h16V9 M3 9h18 M9 20v-6h6v6',
  other: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M8 12h.01 M12 12h.01 M16 12h.01',
  smartphone: 'M7 2h10v20H7z M11 18h2',
  tablet: 'M4 3h16v18H4z M11 18h2',
  pc: 'M3 4h18v12H3z M8 20h8 M12 16v4',
  tv: 'M3 6h18v12H3z M8 3l4 3 4-3 M8 21h8',
  kiosk: 'M6 2h12v12H6z M9 14v8 M15 14v8 M9 18h6 M9 6h6',
};

export const TypeIcon = memo(function TypeIcon({
  type,
  size = 20,
}: {
  type: ChannelType | DeviceType;
  size?: number;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[type] ?? PATHS.other} />
    </svg>
  );
});
