// The text lines a structured document (a web page, a Word file) reads as, built from its elements as a
// reader walks them: a paragraph or a line break ends a line; a table row becomes one line with its cells
// separated by tabs — the flattened table segment-table.ts reads — unless a cell holds several lines (a page
// laid out in a table, a form with a case's text in a cell): then each cell's lines follow one another (but a
// numbered row of a table stays one line).

interface Frame {
  kind: 'frame';
  lines: string[];
  current: string;
}

interface Row {
  kind: 'row';
  cells: string[][];
}

export class LineWriter {
  private readonly stack: (Frame | Row)[] = [{ kind: 'frame', lines: [], current: '' }];

  private top(): Frame | Row {
    return this.stack[this.stack.length - 1];
  }

  text(s: string): void {
    const top = this.top();
    if (top.kind === 'frame') top.current += s;
    // Text between a row's cells (markup gone astray) is kept as a cell of its own; whitespace there is layout.
    else if (s.trim() !== '') top.cells.push([s.trim()]);
  }

  /** Ends the current line (a block element's edge, <br>, w:p); blank lines are not kept. */
  lineBreak(): void {
    const top = this.top();
    if (top.kind !== 'frame') return;
    const line = top.current.trim();
    if (line !== '') top.lines.push(line);
    top.current = '';
  }

  beginRow(): void {
    if (this.top().kind === 'row') this.endRow(); // a row opened inside a row: the first one ended unclosed
    this.lineBreak();
    this.stack.push({ kind: 'row', cells: [] });
  }

  beginCell(): void {
    if (this.inCell()) this.endCell(); // an unclosed cell (HTML lets <td> end implicitly)
    if (this.top().kind !== 'row') this.beginRow(); // a cell outside any row
    this.stack.push({ kind: 'frame', lines: [], current: '' });
  }

  endCell(): void {
    if (!this.inCell()) return;
    this.lineBreak();
    const cell = this.stack.pop() as Frame;
    // A tab inside a cell would split it into two columns.
    (this.top() as Row).cells.push(cell.lines.map((l) => l.replace(/\t+/g, ' ')));
  }

  endRow(): void {
    if (this.inCell()) this.endCell();
    const row = this.top();
    if (row.kind !== 'row') return;
    this.stack.pop();
    const parent = this.top() as Frame; // a row is always pushed onto a frame
    const filled = row.cells.filter((c) => c.length > 0);
    if (filled.length === 0) return;
    if (filled.every((c) => c.length === 1)) parent.lines.push(filled.map((c) => c[0]).join('\t'));
    // A numbered row (1 | 渝中区 | 推行… | 做法… | 成效…) is a row of a table of cases even when a cell holds two
    // paragraphs: it stays one line, the cell's paragraphs joined by a space.
    else if (/^\d{1,3}[.、]?$/.test(filled[0].join(''))) parent.lines.push(filled.map((c) => c.join(' ')).join('\t'));
    else for (const c of filled) parent.lines.push(...c);
  }

  /** Every line, once all elements are closed (a row or cell left open is closed here). */
  finish(): string[] {
    while (this.stack.length > 1) {
      if (this.top().kind === 'row') this.endRow();
      else this.endCell();
    }
    this.lineBreak();
    return (this.stack[0] as Frame).lines;
  }

  private inCell(): boolean {
    return this.stack.length >= 2 && this.top().kind === 'frame' && this.stack[this.stack.length - 2].kind === 'row';
  }
}
