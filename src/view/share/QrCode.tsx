/** A QR code of a link, drawn as an SVG data URL (qrcode package), large enough for a projector. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function QrCode({ text, alt }: { text: string; alt: string }) {
  const [src, setSrc] = useState<{ text: string; url: string } | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) =>
        live &&
        setSrc({ text, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return src?.text === text ? (
    <img className="share-qr" src={src.url} alt={alt} width={240} height={240} />
  ) : (
    <div className="share-qr" aria-hidden="true" />
  );
}
