// The line patterns the segmenter builds on, checked on the wordings provinces use. Lines reach them
// normalised (full-width brackets and colons as ASCII: normalise.ts), as here.
import { describe, expect, it } from 'vitest';
import { partHeadingSplit } from '../../src/ingest/segment-patterns.ts';
import { opensWithPlace } from '../../src/ingest/segment-layouts.ts';

describe('part headings', () => {
  it.each([
    ['一、背景情况', 'background'],
    ['一、基本概况', 'background'],
    ['(一)改革背景', 'background'],
    ['【问题背景】', 'background'],
    ['二、基本做法', 'measures'],
    ['二、主要做法和成效', 'measures'],
    ['2.具体举措', 'measures'],
    ['【创新做法】', 'measures'],
    ['三、实践效果', 'outcomes'],
    ['三、实施效果:', 'outcomes'],
    ['三、取得的成效', 'outcomes'],
    ['四、经验启示', 'outcomes'],
    ['四、下一步工作打算', 'outcomes'],
  ])('%s opens %s', (line, part) => {
    expect(partHeadingSplit(line)?.part).toBe(part);
  });

  it('keeps the text after a heading on its line', () => {
    expect(partHeadingSplit('三、改革成效:企业开办时间压缩至半天。')).toEqual({ part: 'outcomes', rest: '企业开办时间压缩至半天。', no: 3 });
    expect(partHeadingSplit('【主要做法】整合环节。')).toEqual({ part: 'measures', rest: '整合环节。', no: null });
  });

  it('reads a numbered label run in with a full stop ((三)取得成效。…), not an unnumbered sentence', () => {
    expect(partHeadingSplit('(三)取得成效。企业开办时间由2个工作日压缩至0.5个工作日。')).toEqual({
      part: 'outcomes',
      rest: '企业开办时间由2个工作日压缩至0.5个工作日。',
      no: 3,
    });
    expect(partHeadingSplit('成效。企业开办时间压缩至半天。')).toBeNull();
  });

  it.each(['(一)机制创新:三级会商凝聚治理合力', '(二)优化服务机制', '一、创新工作路径', '二、强化数据共享', '(三)完善项目管理', '成效显著的做法还有很多'])(
    '%s is a sub-heading or prose, not a part heading',
    (line) => {
      expect(partHeadingSplit(line)).toBeNull();
    },
  );
});

describe('titles opening with a place', () => {
  it.each(['南京市推行企业开办全程网办', '【南京市】“一件事一次办”推动企业开办', '〔江阴市〕联合报装'])('%s', (title) => {
    expect(opensWithPlace(title)).toBe(true);
  });
  it.each(['【主要做法】', '“一件事一次办”改革'])('%s does not', (title) => {
    expect(opensWithPlace(title)).toBe(false);
  });
});
