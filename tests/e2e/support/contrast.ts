/** WCAG 2 contrast ratio of two opaque CSS colours given as `rgb(…)`/`rgba(…)` (as getComputedStyle reports them) or `#rrggbb`. */
export function contrastRatio(foreground: string, background: string): number {
  const [l1, l2] = [relativeLuminance(parseColour(foreground)), relativeLuminance(parseColour(background))];
  const [light, dark] = l1 > l2 ? [l1, l2] : [l2, l1];
  return (light + 0.05) / (dark + 0.05);
}

export function parseColour(colour: string): [number, number, number] {
  const value = colour.trim();
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (hex) return [parseInt(hex[1] ?? '0', 16), parseInt(hex[2] ?? '0', 16), parseInt(hex[3] ?? '0', 16)];
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)$/.exec(value);
  if (!rgb) throw new Error(`cannot parse colour "${colour}"`);
  if (rgb[4] !== undefined && Number(rgb[4]) < 1) throw new Error(`colour "${colour}" is translucent`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

function relativeLuminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
