// The reader of a notice saved as a web page (.html / .htm): bytes → the text lines of the article.
//
// A government site's page wraps the notice in chrome: a site header, breadcrumbs (首页 > 政务公开 > …), a
// 字号 大 中 小 / 打印本页 / 分享到 bar, related links, a footer. The article is the element holding most of
// the page's own (non-link) text; it is read from the article's heading (the h1 or "title" element before
// it, with the 来源 / 发布时间 box between them, which the header reading uses) to its end. Everything else
// is left out and counted. Markup is never kept: what comes out is text, rendered as text.
//
// The charset is the byte-order mark's, else UTF-8 when the bytes are valid UTF-8, else the <meta>
// declaration's, else GB18030 (a superset of GBK and GB2312, what Chinese sites without a declaration use). A
// page declaring one charset but written in the other (common on older sites) is read in the one that fits.
import { Parser } from 'htmlparser2';
import { IngestError } from './errors.ts';
import { LineWriter } from './read-lines.ts';

export interface HtmlText {
  lines: string[];
  /** Lines of the page outside the article (navigation, footer, related links) that were left out. */
  droppedLines: number;
  charset: string;
}

interface Node {
  name: string;
  attribs: Record<string, string>;
  children: (Node | string)[];
  parent: Node | null;
}

/** Elements whose content is no text of the page: code, embedded media, the document's <head>. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'head']);

/** Elements of page chrome: navigation, side columns, forms (a search box, a login). */
const CHROME_TAGS = new Set(['nav', 'aside', 'form', 'select', 'button', 'input', 'textarea', 'map']);

const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li',
  'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'thead', 'tbody', 'tfoot', 'ul',
]);

const HEADING = /^h[1-6]$/;

/** Elements that hold a page's article (their text is scored). */
const CONTAINER = new Set(['article', 'blockquote', 'body', 'div', 'main', 'section', 'td', 'center']);

/** Class or id words of page chrome: a share bar, breadcrumbs, a footer, a QR code, a side column. */
const CHROME_PART = /share|breadcrumb|crumb|footer|copyright|qrcode|erweima|sidebar|navbar|navigation|toolbar|login|search/;
const CHROME_WORD = new Set(['nav', 'menu', 'foot', 'side', 'position', 'location', 'related', 'fenxiang']);

/** A title element by its class or id: title, article-title, tit, bt (标题). */
const TITLE_WORD = /^(?:\w*title\w*|tit|bt|headline)$/;

/** The <title> an editor leaves when none was given (Dreamweaver's 无标题文档): no title of the notice. */
const PLACEHOLDER_TITLE = /^(?:无标题(?:文档|页)?|未命名|untitled(?: document)?|new page \d*|document)$/i;

export function readHtml(sourceFile: string, bytes: Uint8Array): HtmlText {
  const { text, charset } = decodeHtml(sourceFile, bytes);
  const { root, metaTitle } = parse(text);
  prune(root, (n) => NOT_TEXT.has(n.name) || isHidden(n));
  // What a reader of the page sees, to count what is left out of the article.
  const whole = render(root, null, null);
  prune(root, (n) => CHROME_TAGS.has(n.name) || isChrome(n));
  const article = findArticle(root);
  const heading = article ? findHeading(root, article.core) : null;
  let lines = article ? render(root, heading ?? article.start, article.end) : render(root, null, null);
  // A page whose title is only in its <head> (no heading before the article): the title opens the text.
  if (!heading && metaTitle && !PLACEHOLDER_TITLE.test(metaTitle) && !lines.slice(0, 3).some((l) => l.includes(metaTitle))) lines = [metaTitle, ...lines];
  lines = [...infoBoxAbove(whole, lines), ...lines];
  if (lines.length === 0) throw new IngestError(sourceFile, 'empty', 'a web page without text');
  return { lines, droppedLines: Math.max(0, whole.length - lines.length), charset };
}

/** A field of a government page's information box (索引号 / 发布机构 / 成文日期 / 发布日期 …), opening a line or a cell. */
const INFO_FIELD = /(?:^|\t)\s*(?:索\s*引\s*号|发布机构|发文机关|发文字号|成文日期|发布日期|主题分类|文\s*号)\s*[:：]/;

/**
 * The information box a government page sets above its title, outside the article (索引号 | 发布机构 | 发布日期: the
 * notice's publisher and publishing date): its lines, when at least two of its fields stand before the article's
 * first line. Nothing else of the page above the article is kept.
 */
function infoBoxAbove(whole: string[], lines: string[]): string[] {
  const first = lines.length ? whole.indexOf(lines[0]) : -1;
  if (first <= 0) return [];
  const box = whole.slice(0, first).filter((l) => INFO_FIELD.test(l));
  const fields = box.reduce((n, l) => n + l.split('\t').filter((cell) => INFO_FIELD.test(cell)).length, 0);
  return fields >= 2 ? box : [];
}

// ---------- charset ----------

const GB = /^(?:gb2312|gbk|gb18030|x-gbk|gb_2312-80|chinese|csgb2312|iso-ir-58)$/i;

export function decodeHtml(sourceFile: string, bytes: Uint8Array): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode(bytes.subarray(3), 'utf-8'), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes.subarray(2), 'utf-16le'), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes.subarray(2), 'utf-16be'), charset: 'utf-16be' };
  const declared = declaredCharset(bytes);
  const tryDecode = (label: string): string | null => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  // Valid UTF-8 first, whatever is declared: Chinese text in another charset almost never is, while GB18030
  // decodes almost any bytes (a UTF-8 page declared as GBK would come out garbled without an error).
  const first = !declared ? 'utf-8' : GB.test(declared) ? 'gb18030' : declared;
  const order = ['utf-8', ...[first, 'gb18030'].filter((l) => l !== 'utf-8')];
  for (const label of order) {
    const text = tryDecode(label);
    if (text !== null) return { text, charset: label };
  }
  // Neither decodes cleanly (a stray byte): read as declared, a bad byte shown as U+FFFD.
  try {
    return { text: new TextDecoder(first).decode(bytes), charset: first };
  } catch {
    throw new IngestError(sourceFile, 'malformed', `unknown charset "${declared}"`);
  }
}

function decode(bytes: Uint8Array, label: string): string {
  return new TextDecoder(label).decode(bytes);
}

/** The charset a <meta> declares in the first 4 KB (<meta charset="gbk">, content="text/html; charset=gb2312"). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  if (!m) return null;
  const label = m[1].toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null; // a label no decoder knows: sniff instead
  }
}

// ---------- tree ----------

function parse(text: string): { root: Node; metaTitle: string | null } {
  const root: Node = { name: '#root', attribs: {}, children: [], parent: null };
  let current = root;
  let titleText = '';
  let inTitle = false;
  let metaTitle: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attribs.name ?? attribs.property ?? '').toLowerCase();
          if (['articletitle', 'og:title', 'twitter:title'].includes(key) && attribs.content?.trim()) metaTitle ??= attribs.content.trim();
        }
        const node: Node = { name, attribs, children: [], parent: current };
        current.children.push(node);
        current = node;
      },
      onclosetag() {
        if (current.name === 'title') inTitle = false;
        current = current.parent ?? root;
      },
      ontext(data) {
        if (inTitle) titleText += data;
        // The parser reports text in pieces (around each entity): one run of text is one string.
        const last = current.children.length - 1;
        if (typeof current.children[last] === 'string') current.children[last] += data;
        else current.children.push(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  // A <title> reads "notice title_column_site name": its first part.
  const fromTitle = titleText.split(/_|\||\s[-–—]\s/)[0].replace(/\s+/g, ' ').trim();
  return { root, metaTitle: metaTitle ?? (fromTitle || null) };
}

function words(node: Node): string[] {
  return `${node.attribs.class ?? ''} ${node.attribs.id ?? ''}`
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

/**
 * Hidden by the page itself. Only display:none counts: a WeChat article's body is served with
 * visibility:hidden and revealed by script, and is the very text to read.
 */
function isHidden(node: Node): boolean {
  return 'hidden' in node.attribs || /display\s*:\s*none/i.test(node.attribs.style ?? '');
}

function isChrome(node: Node): boolean {
  return words(node).some((w) => CHROME_WORD.has(w) || CHROME_PART.test(w));
}

/** Removes the elements `drop` names, with their content. */
function prune(node: Node, drop: (n: Node) => boolean): void {
  node.children = node.children.filter((c) => typeof c === 'string' || !drop(c));
  for (const c of node.children) if (typeof c !== 'string') prune(c, drop);
}

// ---------- the article ----------

function collapse(text: string): string {
  // A line break between two Chinese characters is no space (the source was wrapped); other blanks are one space.
  return text
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \t\r\f\u00a0]*\n[ \t\n\r\f\u00a0]*(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '')
    .replace(/[ \t\n\r\f\u00a0]+/g, ' ');
}

interface Article {
  /** The element around most of the article's paragraphs. */
  core: Node;
  /** Where the article starts and the element it ends with (the core, or sibling blocks that continue it). */
  start: Node;
  end: Node;
}

/**
 * The element holding the article: each run of text not inside a link or a heading counts fully for its nearest
 * container and half for that container's parent container, so the element directly around the paragraphs wins
 * over the page (which holds them too, and the chrome) and over a list of links (which counts nothing). When the
 * article's text is split between sibling blocks (a WeChat body's sections), the winner is one of them: the
 * article then runs on through the blocks after it, as long as they hold a good share of text.
 */
function findArticle(root: Node): Article | null {
  const score = new Map<Node, number>();
  /** The counted runs of text in document order: where each stands, and its length. */
  const runs: { parent: Node; len: number }[] = [];
  const containerOf = (n: Node | null): Node | null => {
    let c = n;
    while (c && !CONTAINER.has(c.name)) c = c.parent;
    return c;
  };
  const visit = (node: Node, inLink: boolean) => {
    for (const c of node.children) {
      if (typeof c !== 'string') {
        // A heading's text is the article's title, not its body: counted, it would make the page around win.
        if (!HEADING.test(c.name)) visit(c, inLink || c.name === 'a');
        continue;
      }
      const len = collapse(c).trim().length;
      if (len === 0 || inLink) continue;
      const own = containerOf(node);
      if (!own) continue;
      runs.push({ parent: node, len });
      score.set(own, (score.get(own) ?? 0) + len);
      const up = containerOf(own.parent);
      if (up) score.set(up, (score.get(up) ?? 0) + len / 2);
    }
  };
  visit(root, false);
  let core: Node | null = null;
  let bestScore = 0;
  for (const [node, s] of score) {
    if (s > bestScore) {
      core = node;
      bestScore = s;
    }
  }
  if (!core) return null;
  const within = (n: Node) => runs.map((r, i) => ({ ...r, i })).filter((r) => contains(n, r.parent));
  const article: Article = { core, start: core, end: core };
  let extent = core;
  for (let up = containerOf(core.parent); up; up = containerOf(up.parent)) {
    const mine = within(extent);
    const last = mine[mine.length - 1].i;
    const around = within(up);
    const after = around.filter((r) => r.i > last).reduce((sum, r) => sum + r.len, 0);
    if (after < 0.3 * mine.reduce((sum, r) => sum + r.len, 0)) break;
    article.start = childOnPath(up, around[0].parent);
    article.end = childOnPath(up, around[around.length - 1].parent);
    extent = up;
  }
  return article;
}

/** The child of `ancestor` on the way down to `node` (the ancestor itself when the node is it). */
function childOnPath(ancestor: Node, node: Node): Node {
  let n = node;
  while (n.parent && n.parent !== ancestor) n = n.parent;
  return n.parent === ancestor ? n : ancestor;
}

function contains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/**
 * The article's heading when it stands outside the article (a gov site's title bar, WeChat's
 * #activity-name): the nearest h1/h2 or "title" element before the article. None when the article holds its own h1.
 */
function findHeading(root: Node, article: Node): Node | null {
  let found: Node | null = null;
  let holdsH1 = false;
  let passed = false;
  const visit = (node: Node) => {
    for (const c of node.children) {
      if (typeof c === 'string' || passed) continue;
      if (c === article) {
        holdsH1 = hasDescendant(c, (n) => n.name === 'h1');
        passed = true;
        return;
      }
      const isHeading = c.name === 'h1' || c.name === 'h2' || words(c).some((w) => TITLE_WORD.test(w));
      if (isHeading && !contains(c, article) && textOf(c).trim().length >= 4) found = c;
      visit(c);
    }
  };
  visit(root);
  if (holdsH1) return null;
  return found ?? emphasisedHeading(root, article);
}

/** Bold or a large font: how a title is set off (<b>, <font size="5">, font-weight:bold). */
function strongLook(node: Node): boolean {
  return ['b', 'strong'].includes(node.name) || (node.name === 'font' && Number(node.attribs.size) >= 4) || /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(node.attribs.style ?? '');
}

function centred(node: Node): boolean {
  return (node.attribs.align ?? '').toLowerCase() === 'center' || /text-align\s*:\s*center/i.test(node.attribs.style ?? '');
}

/** How much an element looks like a title: 2 bold or large (itself, or an element inside holding its text), 1 centred only. */
function titleLook(node: Node, length: number): number {
  const textLength = (n: Node) => collapse(textOf(n)).trim().length;
  if (strongLook(node) || hasDescendant(node, (n) => strongLook(n) && textLength(n) >= 0.8 * length)) return 2;
  return centred(node) ? 1 : 0;
}

/**
 * An older site's page laid out in tables marks its title by look only (a large bold font, a centred cell) in a row
 * above the article's cell: the last element before the article that looks most like a title — bold or large
 * before merely centred (the 发布时间 line under a title is centred too) — holding a title's length of text and no
 * link, with little text between it and the article (else it is a banner or a column's name, not this heading).
 */
function emphasisedHeading(root: Node, article: Node): Node | null {
  const best: (null | { node: Node; textSince: number })[] = [null, null, null];
  let passed = false;
  const visit = (node: Node) => {
    for (const c of node.children) {
      if (passed) return;
      if (typeof c === 'string') {
        const length = collapse(c).trim().length;
        for (const b of best) if (b) b.textSince += length;
        continue;
      }
      if (c === article) {
        passed = true;
        return;
      }
      const length = collapse(textOf(c)).trim().length;
      const look = length >= 8 && length <= 100 && !contains(c, article) && !hasDescendant(c, (n) => n.name === 'a') ? titleLook(c, length) : 0;
      if (look > 0) {
        for (const b of best) if (b) b.textSince += length;
        best[look] = { node: c, textSince: 0 };
        continue;
      }
      visit(c);
    }
  };
  visit(root);
  const found = [best[2], best[1]].find((b) => b && b.textSince <= 200);
  return passed && found ? found.node : null;
}

function hasDescendant(node: Node, test: (n: Node) => boolean): boolean {
  return node.children.some((c) => typeof c !== 'string' && (test(c) || hasDescendant(c, test)));
}

function textOf(node: Node): string {
  return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

// ---------- lines ----------

/**
 * The page's lines from `from` (entered) to the end of `to`; both null: the whole page. Block elements and
 * <br> end lines, table rows are tab-separated cells (LineWriter), <pre> keeps its line breaks.
 */
function render(root: Node, from: Node | null, to: Node | null): string[] {
  const writer = new LineWriter();
  let on = from === null;
  let done = false;
  const walk = (node: Node, pre: boolean) => {
    for (const c of node.children) {
      if (done) return;
      if (typeof c === 'string') {
        if (!on) continue;
        if (pre) {
          c.split('\n').forEach((part, i) => {
            if (i > 0) writer.lineBreak();
            writer.text(part.replace(/[\t\r\f\u00a0]/g, ' '));
          });
        } else writer.text(collapse(c));
        continue;
      }
      if (c === from) on = true;
      if (c.name === 'br') writer.lineBreak();
      else if (c.name === 'tr') writer.beginRow();
      else if (c.name === 'td' || c.name === 'th') writer.beginCell();
      else if (BLOCK.has(c.name)) writer.lineBreak();
      walk(c, pre || c.name === 'pre');
      if (c.name === 'tr') writer.endRow();
      else if (c.name === 'td' || c.name === 'th') writer.endCell();
      else if (BLOCK.has(c.name)) writer.lineBreak();
      if (c === to) done = true;
    }
  };
  walk(root, false);
  return writer.finish();
}
