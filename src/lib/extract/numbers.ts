/**
 * Finds the figures of a sentence: digits with their qualifier (约, 近, 超过,
 * 多, 余, 以上), scale (万, 亿), percent and measure word, in either script.
 * Dates, ordinals (第1), anniversaries, durations, numbers inside a document's
 * name (《…》) and dotted dates of speeches (7·9) are not figures.
 */
export interface NumberToken {
  /** Offset in the sentence and the text as written. */
  at: number;
  text: string;
  /** The figure without its measure word (money keeps 元). */
  value: string;
  measureWord: string;
}

const prefix = '(?:大约|大約|约|約|将近|將近|接近|近|超过|超過|逾|突破)?';
const core = '\\d+(?:[,，]\\d{3})*(?:\\.\\d+)?';
const scale = '[万萬亿億千百]';
const middle = `(?:${scale}?(?:多|余|餘)?${scale}?)`;
const percent = '(?:%|％)?';
const tail = '(?:以上|左右)?';
const money = '(?:万元|萬元|亿元|億元|元)';
const words = '(?:人次|人\\(次\\)|人（次）|场次|場次|个|個|名|人|期|场|場|次|件|篇|份|家|项|項|支|条|條|所|部|位)';
const token = new RegExp(`${prefix}${core}${middle}${percent}${tail}(?:${money}|${words})?`, 'gu');

/** What makes a number a date, a duration, an ordinal or a name rather than a figure. */
const notAfter = /^(?:年|月|日|号|號|周年|週年|届|屆|岁|歲|天|小时|小時|时|時|分|秒|批|轮|輪|个月|個月|个百分点|個百分點|倍|类|類|大类|大類|级|級|_)/u;
/** How a document or a plan is built, not what was done: 4个一级指标, 11方面, 5个方向, 22项基本内容, 20项具体要求. */
const structure = /^(?:个|個|项|項|条|條)?(?:方面|方向|一级|一級|二级|二級|基本内容|具体要求|具體要求|操作规范|操作規範|工作文书|工作文書|具体清单|具體清單|重点整治|重點整治|大类|大類|类|類)/u;
const notBefore = /(?:第|前|近\d*|至|到|—|-|~|～)$/u;

/** Inside a short quotation (“1 1 4 3 N”, “7·9”, “两个维护”): a slogan's or a speech's numbers. */
function insideShortQuote(sentence: string, at: number): boolean {
  for (const [open, close] of [['“', '”'], ['「', '」'], ['"', '"']] as const) {
    const start = sentence.lastIndexOf(open, at);
    const end = sentence.indexOf(close, at);
    if (start >= 0 && end > at && end - start <= 14 && !sentence.slice(start, at).includes(close)) return true;
  }
  return false;
}

function insideName(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}

export function numberTokens(sentence: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of sentence.matchAll(token)) {
    const at = match.index ?? 0;
    const text = match[0];
    const after = sentence.slice(at + text.length);
    const before = sentence.slice(Math.max(0, at - 3), at);
    const plainDigits = /^\d+$/u.test(text);
    // 2020年, 5年来, 3个月, 第18次, 98周年: a date, a duration, an ordinal, not a figure.
    if (plainDigits && notAfter.test(after)) continue;
    if (/^\d+(?:个|個)$/u.test(text) && /^(?:月|百分点|百分點)/u.test(after)) continue;
    if (/第$/u.test(before) || /[·.．]$/u.test(before) || /^[·．]\d/u.test(after)) continue;
    // 前3名: a place in a ranking, not a count.
    if (/前$/u.test(before) && /名$/u.test(text)) continue;
    if (/^\d{4}$/u.test(text) && /^(?:、|—|-|至|年)/u.test(after)) continue;
    if (notBefore.test(before) && plainDigits && /^(?:年|月)/u.test(after)) continue;
    if (insideName(sentence, at) || insideShortQuote(sentence, at)) continue;
    if (structure.test(sentence.slice(at + (/^\D*[\d.,，]+/u.exec(text)?.[0].length ?? 0)))) continue;
    // 2024-08-29: a date.
    if (/\d[-/]$/u.test(before) || /^[-/]\d/u.test(after)) continue;
    const measure = /(?:万元|萬元|亿元|億元|元)$/u.test(text) ? '' : (new RegExp(`${words}$`, 'u').exec(text)?.[0] ?? '');
    const value = measure ? text.slice(0, -measure.length) : text;
    tokens.push({ at, text, value, measureWord: measure });
  }
  return tokens;
}
