// A chart's PNG as a reader can cite it: the chart image framed with its title above, the active filters
// under the title, and the source line (dataset, its notices' dates, download date) at the foot.
// Drawn on a canvas in the browser; text is wrapped to the image's width, never cut.

export interface PngFrame {
  title: string;
  filters: string;
  source: string;
}

const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('chart image did not load'));
    image.src = url;
  });
}

/** Lines of `text` no wider than `width` (breaks between words, or anywhere in Chinese text). */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  // Tokens: a run of Latin letters/digits (kept whole), or any single other character.
  const tokens = text.match(/[A-Za-z0-9'’.,:;()\-/%]+|\s+|./gu) ?? [];
  let line = '';
  for (const token of tokens) {
    const next = line + token;
    if (line && measure(next) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = next;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** The framed image as a PNG blob. `scale` is the chart image's pixel ratio (text is drawn at the same scale). */
export async function framedPng(chartUrl: string, frame: PngFrame, scale = 2): Promise<Blob> {
  const image = await loadImage(chartUrl);
  const pad = 16 * scale;
  const width = image.width + 2 * pad;
  const textWidth = width - 2 * pad;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  const blocks = [
    { text: frame.title, font: `bold ${17 * scale}px ${FONT}`, color: '#1a1a1a', size: 17 * scale },
    { text: frame.filters, font: `${12 * scale}px ${FONT}`, color: '#4a4a4a', size: 12 * scale },
  ];
  const foot = { text: frame.source, font: `${11 * scale}px ${FONT}`, color: '#4a4a4a', size: 11 * scale };
  const layout = (block: typeof foot) => {
    ctx.font = block.font;
    return wrapText(block.text, textWidth, (s) => ctx.measureText(s).width);
  };
  const head = blocks.map((b) => ({ ...b, lines: layout(b) }));
  const footLines = layout(foot);
  const lineHeight = (size: number) => Math.round(size * 1.4);
  const headHeight = head.reduce((h, b) => h + b.lines.length * lineHeight(b.size), 0);
  const footHeight = footLines.length * lineHeight(foot.size);
  canvas.width = width;
  canvas.height = pad + headHeight + pad / 2 + image.height + pad / 2 + footHeight + pad;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'top';
  let y = pad;
  for (const block of head) {
    ctx.font = block.font;
    ctx.fillStyle = block.color;
    for (const line of block.lines) {
      ctx.fillText(line, pad, y);
      y += lineHeight(block.size);
    }
  }
  y += pad / 2;
  ctx.drawImage(image, pad, y);
  y += image.height + pad / 2;
  ctx.font = foot.font;
  ctx.fillStyle = foot.color;
  for (const line of footLines) {
    ctx.fillText(line, pad, y);
    y += lineHeight(foot.size);
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
