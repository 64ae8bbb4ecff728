// highlightPieces: the text is cut into plain and marked pieces (rendered as <mark> elements).
import { describe, expect, it } from 'vitest';
import { highlightPieces } from '../../../src/components/cases/highlight.ts';

const join = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');

describe('highlightPieces', () => {
  it('marks every occurrence and keeps the text whole', () => {
    const text = '办电时间从15天压缩至5天，节约15天';
    const pieces = highlightPieces(text, [['15天']]);
    expect(join(pieces)).toBe(text);
    expect(pieces.filter((p) => p.group === 0).map((p) => p.text)).toEqual(['15天', '15天']);
  });

  it('lets an earlier group win an overlap, and a longer term win within a group', () => {
    const pieces = highlightPieces('从15天压缩至5天', [['从15天压缩至5天'], ['压缩']]);
    expect(pieces).toEqual([{ text: '从15天压缩至5天', group: 0 }]);
    const longest = highlightPieces('1.2亿元', [['2亿', '1.2亿元']]);
    expect(longest).toEqual([{ text: '1.2亿元', group: 0 }]);
  });

  it('treats markup-looking text as plain text and ignores empty terms', () => {
    const text = '<b>审批</b> & "x"';
    const pieces = highlightPieces(text, [[''], ['审批']]);
    expect(join(pieces)).toBe(text);
    expect(pieces).toEqual([
      { text: '<b>', group: null },
      { text: '审批', group: 1 },
      { text: '</b> & "x"', group: null },
    ]);
    expect(highlightPieces('', [['a']])).toEqual([]);
  });
});
