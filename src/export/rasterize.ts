/**
 * Turns the composed export DOM into an SVG document and a PNG, the way html-to-image does
 * (HTML in an SVG foreignObject, drawn on a canvas) but without copying every computed style
 * onto every element: Chromium hands html-to-image ~350 properties (~5 KB) per element, so a
 * 1,000-node map became an ~80 MB SVG that froze the page for tens of seconds. We embed the
 * page's style rules that match something in the picture instead, plus the canvas's custom
 * properties and fonts (html-to-image's getFontEmbedCSS), and the copy keeps its classes.
 */

/** Style rules of the page that apply to something inside `root` (others are dropped). */
export function usedCss(doc: Document, root: Element): string {
  const out: string[] = [];
  const keep = (rule: CSSRule) => {
    if (rule instanceof CSSStyleRule) {
      // Match without pseudo-classes/elements (:hover, ::before) so such rules survive if their base matches.
      const base = rule.selectorText.replace(/::?[a-z-]+(\([^)]*\))?/gi, '').trim();
      try {
        if (base === '' || root.matches(base) || root.querySelector(base)) out.push(rule.cssText);
      } catch {
        out.push(rule.cssText);
      }
    } else if (!(rule instanceof CSSFontFaceRule)) {
      // @keyframes, @media… are kept whole; @font-face comes embedded from getFontEmbedCSS
      // (a url() would not load inside an SVG image).
      out.push(rule.cssText);
    }
  };
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet cannot be read; the app has none
    }
    for (const rule of Array.from(rules)) keep(rule);
  }
  return out.join('\n');
}

/** Copies the inherited text styles and CSS custom properties the picture's root gets from the page. */
export function inheritPageStyles(root: HTMLElement, from: Element): void {
  const cs = getComputedStyle(from);
  for (const p of [
    'font-family',
    'font-size',
    'line-height',
    'color',
    'font-weight',
    '-webkit-font-smoothing',
  ]) {
    root.style.setProperty(p, cs.getPropertyValue(p));
  }
  for (let i = 0; i < cs.length; i++) {
    const name = cs.item(i);
    if (name.startsWith('--')) root.style.setProperty(name, cs.getPropertyValue(name));
  }
}

/** A standalone SVG document showing `root` (already laid out, `width`×`height` CSS px). */
export function toSvgDocument(
  root: HTMLElement,
  width: number,
  height: number,
  css: string,
): string {
  const html = new XMLSerializer().serializeToString(root);
  const safeCss = css.replaceAll(']]>', ']]]]><![CDATA[>');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style><![CDATA[${safeCss}]]></style>` +
    `<foreignObject x="0" y="0" width="100%" height="100%">${html}</foreignObject></svg>`
  );
}

/** Draws an SVG document on a canvas `pixelRatio` times its size (the SVG is rasterized at that size, so text stays crisp). */
export async function svgToCanvas(
  svg: string,
  width: number,
  height: number,
  pixelRatio: number,
  background: string | null,
): Promise<HTMLCanvasElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(width * pixelRatio);
  canvas.height = Math.floor(height * pixelRatio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('exportPng: the browser gave no 2D canvas (out of memory?)');
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas;
}
