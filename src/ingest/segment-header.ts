// The document's own facts, read from its header lines (everything that is no case): title, issuer,
// publishing date, year, batch and the number of cases it announces. Texts are simplified.
import type { DocumentHeader } from './types.ts';
import { ORG_SUFFIX, dateLine, endsLikeProse, isFurniture, isoDate, listEntry, monthLine, noticeTitle, parseNumeral, statedYear } from './segment-patterns.ts';

const NUMERAL = '[一二三四五六七八九十百零〇两\\d]{1,4}';
/** What this genre calls the items it presents (典型经验做法, 典型案例, 最佳实践…). */
const CASE_WORDS = '(?:典型|经验|做法|案例|实践|举措|事例)';

/** A line that says where a reposted article came from, not who issued the notice: 来源:湖北发布. */
const SOURCE_LABEL = /^(?:来源|稿件来源|信息来源|文章来源|转自|作者|编辑|责任编辑)\s*[:：]/;

/** The words a sentence presents a notice with, after the body that issued it: …办公室近日印发…. */
const ISSUES = /^(?:近日|日前|正式|专门|联合)?(?:印发|发布|公布|推出|通报|评选出|遴选出|编印)/;

/**
 * The body the opening sentences say issued the notice (近日，湖北省优化营商环境领导小组办公室印发通知…): an
 * organisation's name that opens a clause and names its place, right before a verb of issuing. Null when none does.
 */
function authorityNamedIn(texts: string[]): string | null {
  for (const t of texts.slice(0, 12)) {
    for (const sentence of t.split(/[。！!；;]/)) {
      // What the sentence says was issued must be this genre's (…发布第三批典型案例 / 印发通知，推广…经验做法): a preamble
      // that merely mentions an authority's other paper (国务院办公厅印发《关于…的意见》，对…作出部署) names no issuer.
      if (!GENRE_WORDS.test(sentence)) continue;
      for (const clause of sentence.split(/[，,：:]/)) {
        const c = clause.replace(NEWS_LEAD, '').replace(/^(?:近日|日前|今年以来|\d{1,2}月\d{1,2}日)/, '');
        for (let e = 4; e <= Math.min(c.length, 30); e++) {
          const name = c.slice(0, e);
          const issued = ISSUES.exec(c.slice(e));
          if (!issued || !ORG_SUFFIX.test(name) || !/^(?:[\u4e00-\u9fa5]{2,8}?[省市区州县盟]|国务院|国家|兵团|自治区|省|市)/.test(name)) continue;
          const paper = /^\s*《([^》]*)》/.exec(c.slice(e + issued[0].length));
          if (!paper || GENRE_WORDS.test(paper[1])) return name;
        }
      }
    }
  }
  return null;
}

/** Words that name what this genre presents: its cases, or their list. */
const GENRE_WORDS = new RegExp(`${CASE_WORDS}|名单`);

/** A news item's lead-in before its first sentence: 【本报讯】 / 本报讯 / (记者 张三) / 新华社北京5月6日电. */
const NEWS_LEAD = /^(?:【[^】]{1,12}】|本报讯|(?:[\u4e00-\u9fa5]{2,6}社)?[\u4e00-\u9fa5]{2,4}\d{1,2}月\d{1,2}日电|[(（]记者[^)）]{1,20}[)）])\s*/;

/** An organisation a 来源 line names (来源:河南省发展和改革委员会), not an account (湖北发布, XX公众号, XX网). */
function sourceOrganisation(texts: string[]): string | null {
  for (const t of texts.slice(0, 12)) {
    // A page's information box may run its fields together: 发布时间:2024-10-15 09:12来源:吉林省营商环境建设局.
    const m = /(?:^|\s|\d)(?:来源|稿件来源|信息来源|文章来源)\s*[:：]\s*([\u4e00-\u9fa5()（）]{2,30})/.exec(t);
    if (m && ORG_SUFFIX.test(m[1]) && !/(?:发布|公众号|微信|网|报|头条|号)$/.test(m[1])) return m[1];
  }
  return null;
}

/**
 * The number of cases this notice announces, from a phrase that announces them (现推出第二批共48个典型经验做法,
 * 此次推出的36项, 本批共推出3个案例, 典型案例3个) — never a count of earlier batches (已推出三批共47个) nor any other
 * figure. Only header text is searched, so a body's figures never count.
 */
export function announcedCount(headerText: string): number | null {
  const patterns = [
    // 共48个典型经验做法 / 共推出3个案例 / 共评选出3个最佳实践案例
    new RegExp(`共\\s*(?:推出|评选出|评出|遴选出|梳理出|发布|印发|收集)?\\s*(${NUMERAL})\\s*[个项条例篇]`, 'g'),
    // 36项典型经验做法 / 4个典型做法 / 3个优化营商环境创新实践案例 / 6个全省优化营商环境创新突破典型案例 /
    // 6个地方经营主体准入准营改革典型案例 (not 10个地区的20个…: no count in between; not 下一篇 / 第一篇)
    new RegExp(`(?<![上下第])(${NUMERAL})\\s*[个项条例篇]\\s*(?:(?:全省|全市|全区|全国|省级|市级)?优化营商环境)?[^，,。;\\d个项]{0,16}?(?:经验|做法|案例|实践|举措)`, 'g'),
    // 典型案例3个
    new RegExp(`(?:案例|做法|经验)\\s*(${NUMERAL})\\s*[个项条例篇]`, 'g'),
    // 现将…典型经验做法(第二批)3项予以印发: the count right before the verb presenting them
    new RegExp(`(${NUMERAL})\\s*[个项条例篇]\\s*(?:予以|印发|推广|发布|公布)`, 'g'),
  ];
  const found: { at: number; n: number; presents: boolean }[] = [];
  for (const re of patterns) {
    for (const m of headerText.matchAll(re)) {
      const n = parseNumeral(m[1]);
      if (n === null || n <= 0 || n > 2000) continue;
      const before = headerText.slice(Math.max(0, m.index - 14), m.index);
      const clauseStart = Math.max(headerText.lastIndexOf('。', m.index), headerText.lastIndexOf(';', m.index), headerText.lastIndexOf('\n', m.index)) + 1;
      const clause = headerText.slice(clauseStart, m.index);
      const after = headerText.slice(m.index + m[0].length, m.index + m[0].length + 8);
      // Counts of what came before this notice: 已推出三批共47个, 累计, 先后, 前两批, 两批共30个, 在第一批12个案例基础上.
      if (/(?:已|累计|先后|以来|截至|此前|历年|往年)[^。;]*$/.test(before)) continue;
      if (/(?:前[一二三四五六七八九十两\d]{1,3}批|[两二三四五六七八九十\d]批共)/.test(clause) || /^[^，,。;]{0,4}基础上/.test(after)) continue;
      // Counts of what was submitted or entered (128个案例参评), not chosen.
      if (/^[^，,。;]{0,3}(?:参评|参选|申报|报送|参与)/.test(after)) continue;
      // A sentence that presents this notice's cases (现将…/现推出…/评选出…/予以推广) is the one that counts.
      const presents = /(?:现将|现推出|现发布|现予|现就|予以|印发|推广|评选出|评出|遴选出|确定|公布|本批|此次|本次)/.test(clause + m[0] + after);
      found.push({ at: m.index, n, presents });
    }
  }
  if (found.length === 0) return null;
  found.sort((a, b) => Number(b.presents) - Number(a.presents) || a.at - b.at);
  return found[0].n;
}

export function readHeader(texts: string[]): DocumentHeader {
  const all = texts.join('\n');
  let published: string | null = null;
  // The date it was published (发布日期) before any other the page states (成文日期, the date it was signed).
  const stampOf = (label: string) => new RegExp(`(?:${label})[:]\\s*(\\d{4})\\s*[-年./]\\s*(\\d{1,2})\\s*[-月./]\\s*(\\d{1,2})`).exec(all);
  const stamp = stampOf('发布时间|发布日期') ?? stampOf('时间|日期');
  // …or a byline opening with the date: 2025-05-16 来源:河南省….
  const dated = /^((?:19|20)\d\d)\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})日?\s+(?:\d{1,2}:\d{2}\s+)?(?:来源|作者|发布)/m.exec(all);
  if (stamp) published = isoDate(stamp[1], stamp[2], stamp[3]);
  else if (dated) published = isoDate(dated[1], dated[2], dated[3]);
  // A WeChat byline: 原创 湖北营商 湖北省营商办 2022-07-21 09:30 发表于湖北.
  const byline = /(?:^|\s)((?:19|20)\d\d)(?:-|年)(\d{1,2})(?:-|月)(\d{1,2})日?\s+\d{1,2}:\d{2}(?:\s|$)/m.exec(all);
  if (!published && byline) published = isoDate(byline[1], byline[2], byline[3]);
  // A government page's information box names the publishing body: 发布机构:青海省发展和改革委员会.
  const box = /(?:^|\s)(?:发布机构|发文机关|发布单位)\s*:\s*(\S{2,30})/m.exec(all);
  let issuer: string | null = box && ORG_SUFFIX.test(box[1]) ? box[1] : null;
  // The issuer and the date on one line: 市营商环境建设办公室 2025-03-06 (a 来源 line names who reposted it: below).
  for (const t of texts) {
    const m = /^(\S{2,30}?)\s+(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?$/.exec(t);
    if (!m || !ORG_SUFFIX.test(m[1])) continue;
    if (SOURCE_LABEL.test(m[1])) {
      published ??= isoDate(m[2], m[3], m[4]);
      continue;
    }
    issuer = m[1];
    published ??= isoDate(m[2], m[3], m[4]);
    break;
  }
  texts.forEach((t, k) => {
    const d = dateLine(t);
    if (!d && !monthLine(t)) return;
    if (!published && d) published = d;
    const prev = texts[k - 1];
    if (!issuer && prev && prev.length <= 40 && !endsLikeProse(prev) && ORG_SUFFIX.test(prev) && !SOURCE_LABEL.test(prev)) issuer = prev;
  });
  // A reposted article (WeChat, a news site) names the authority that published the notice in its first lines
  // (湖北省优化营商环境领导小组办公室近日印发…); its 来源 line names only the account that carried it (来源:湖北发布).
  issuer ??= authorityNamedIn(texts) ?? sourceOrganisation(texts);
  // A headline may end with an exclamation (…典型案例来了!): that is no sentence of a body.
  const isTitle = (t: string) => t.length <= 80 && !endsLikeProse(t.replace(/!+$/, '')) && !listEntry(t) && !isFurniture(t);
  const title =
    texts.find((t) => isTitle(t) && noticeTitle(t)) ??
    // …“最佳实践”案例: the genre's words may be quoted.
    texts.find((t) => isTitle(t) && /(典型经验|经验做法|典型案例|典型做法|实践案例|最佳实践|创新案例|优秀案例)/.test(t.replace(/[“”"「」]/g, ''))) ??
    // A bulletin is titled by its masthead (营商环境工作简报, 优化营商环境专报).
    texts.find((t) => isTitle(t) && [...t].length <= 20 && /营商环境\S{0,6}(?:简报|专报|快报|动态)$/.test(t)) ??
    null;
  // The issuer of 天津市商务局关于推广…的通知 is named by its title, or on the line above a title opening with 关于.
  if (!issuer && title) {
    const m = /^(.{2,30}?)关于/.exec(title);
    const above = title.startsWith('关于') ? texts[texts.indexOf(title) - 1] : undefined;
    if (m && ORG_SUFFIX.test(m[1])) issuer = m[1];
    else if (above && above.length <= 30 && !endsLikeProse(above) && ORG_SUFFIX.test(above)) issuer = above;
  }
  // The notice's own batch: its title's 第N批, else a 第N批 the text says of cases (第三批3个典型经验做法, 2024年第二批) —
  // not a bulletin's issue (第12期) nor another list's batch (国家第二批营商环境创新试点城市).
  const batchRe = new RegExp(`第\\s*(${NUMERAL})\\s*批`);
  const ownBatchRe = new RegExp(`(?:(?:19|20)\\d\\d\\s*年度?\\s*|[(（])?第\\s*(${NUMERAL})\\s*批(?=[)）]|[^，,。;；]{0,12}?${CASE_WORDS})`);
  const batchM = batchRe.exec(title ?? '') ?? ownBatchRe.exec(all);
  const batch = batchM ? parseNumeral(batchM[1]) : null;
  const yearM = new RegExp(`((?:19|20)\\d\\d)\\s*年(?:度)?\\s*第\\s*${NUMERAL}\\s*批`).exec(all);
  // Else the signing date's year: a full date, or a year and month (2023年12月) under a printed 汇编's issuer.
  const signed = texts.find(monthLine);
  const year = yearM
    ? Number(yearM[1])
    : (statedYear(title ?? '') ?? (published ? Number((published as string).slice(0, 4)) : signed ? statedYear(signed) : null));
  return { title, issuer, year, batch, published, casesAnnounced: announcedCount(all) };
}
