import { countInRange, forEachWindow, lowerBound, type Detector, type Scan } from '../detector';
import { ibanValid } from '../iban';
import { forEachColumnCell, type TableHeader } from '../table-fields';
import type { KeywordKind } from '../keyword-scan';

/**
 * 6-17 digits, possibly grouped with spaces or dashes (no letters: those are IBANs or references), or
 * the 26 of a Polish account number written without its country code ("58 1140 2004 0000 3302 1773 3908")
 */
// (or dotted as Norway writes an account: "6011.94.27110")
const NUMBER = /(?<![\w.-])(?:\d{4}\.\d{2}\.\d{5}|\d(?:[ -]?\d){5,25})(?![\w-]|[.,]\d)/g;
const SORT_CODE = /(?<![\w-])\d{2}-\d{2}-\d{2}(?![\w-])/g;
/** a table's account column: the label is an account word, with "number", "no" or "#" ("account_number", "Acct No", "Kontonummer", "sort code") */
// (a bare "account" column is as often a ledger code or a customer: "account,description,debit")
const ACCOUNT_LABEL =
  /^(?:(?:bank[ _-]?)?(?:account|acct|a\/c)[ _-]?(?:number|num|no\.?|nr|#)|bank[ _-]?(?:account|a\/c)|kontonummer|kontonr\.?|sort[ _-]?code|bsb|iban|clabe|cbu|clearing(?:nr\.?|nummer)?|ag[eê]ncia)$/i;
/** a column of branch codes (a sort code, a Swedish clearing number, a Brazilian agência): 3 to 5 digits, a check digit after a dash */
const BRANCH_LABEL = /^(?:sort[ _-]?code|bsb|clearing(?:nr\.?|nummer)?|ag[eê]ncia)$/i;
const BRANCH_CELL = /^(?:\d{3,5}(?:-\d)?|\d{2}-\d{2}-\d{2}|\d{3}-\d{3})$/;

/** a bank's name in brackets right after a number: "4200 69 79054 (DNB)" (that it is one, the keyword scan says) */
const BANK_AFTER = /^[ \t]*\(\p{L}[\p{L} ]{1,30}\)/u;
/** between a bank's name and its number: blanks, and a colon, comma or dash */
const NAME_GAP = /^[ \t]*[:,–-]?[ \t]*$/;
const BARE_ACCOUNT = /^(?:account|acct|konto|cuenta|compte|conto|conta)$/i;
/** a header that names a bank's column beside a bare account one */
const BANK_COLUMN = /(?:^|[\t,;|])[ "]*(?:routing|aba|rtn|sort[ _-]?code|bsb|iban|bank|banco|banca|banque|swift|bic|ifsc|clearing|ag[eê]ncia)(?:[ _-]?(?:number|no|code|name))?[ "]*(?=[\t,;|]|$)/im;
/** a whole cell that is an account number or sort code (up to 18 digits: a Mexican CLABE), a check digit after a dash ("22019-X") */
const ACCOUNT_CELL = /^(?:\d(?:[ -]?\d){5,17}|\d{2}-\d{2}-\d{2}|\d{4,12}-[\dXx])$/;
/** between an account's short word and its number: "acc 21457789", "sort 07-04-36", "checking: 0208999779", "普通 4145919" */
const SHORT_GAP = /^[ \t]*(?:[:#]|no\.?|nr\.?|number)?[ \t]*[:#]?[ \t]*$/i;
/** what makes 账号 (an account) a login's, not a bank's: a game, a chat app, a user, a registration before it */
const LOGIN_ACCOUNT = /(?:游戏|遊戲|微信|QQ|qq|登录|登錄|登陆|用户|用戶|注册|註冊|邮箱|郵箱|平台|系统|系統|会员|會員|社交|抖音|微博)$/;
/** a number as a phone's is written: a trunk 0 and a blank in its first groups ("0345 734 5345", "07700 900123") */
const PHONE_SHAPED = /^0\d{2,4} \d/;

/**
 * Bank account numbers and UK sort codes after an account word ("account number", "acct", "a/c",
 * "account", "Kontonummer", "sort code"), or in a table's column under such a word. Digits alone are
 * too common to report without the word.
 */
export const bankAccountDetector: Detector = {
  entries: [{ id: 'bank-account-number', dataClass: 'financial', description: 'Bank account numbers and sort codes next to account words' }],
  detect(scan, out) {
    const { keywords, text } = scan;
    // a table's account columns ("name,sort_code,account_number" then one row per person): their cells
    // (and the one-word column names, which are read only as a header: "AccountNumber" before ledger codes is no bank)
    const starts = [...keywords.hits('account').starts, ...keywords.hits('accountcolumn').starts].sort((a, b) => a - b);
    const accountColumn = (header: TableHeader, at: number): boolean =>
      ACCOUNT_LABEL.test(header.label) ||
      // (a bare "account" column is a bank's beside a routing, sort code or IBAN column: "ssn,routing,account")
      (BARE_ACCOUNT.test(header.label.trim()) && BANK_COLUMN.test(text.slice(text.lastIndexOf('\n', at) + 1, header.lineEnd)));
    // (whether a header line has an account column, read once per line)
    let besideLine = -1, accountBeside = false;
    forEachColumnCell(text, starts, accountColumn, (a, b, header) => {
      const v = text.slice(a, b);
      if (BRANCH_LABEL.test(header.label.trim())) {
        // (only beside an account column: a "Clearing" column of amounts is no bank's)
        if (besideLine !== header.lineEnd) {
          besideLine = header.lineEnd;
          accountBeside = header.labels.some((l) => !BRANCH_LABEL.test(l) && (ACCOUNT_LABEL.test(l) || BARE_ACCOUNT.test(l)));
        }
        if (BRANCH_CELL.test(v) && accountBeside) {
          out.push({ dataClass: 'financial', detector: 'bank-account-number', start: a, end: b, confidence: 0.8 });
        }
        return;
      }
      // (under a bare "account number" eight digits or more: a chart of accounts' ledger codes are six, "400000")
      if (ACCOUNT_CELL.test(v) && !/^(?:19|20)\d{2}[- ]?\d{2}[- ]?\d{2}$/.test(v) && (/bank|iban|sort|bsb|konto|clabe|cbu|clearing|a\/c/i.test(header.label) || v.replace(/\D/g, '').length >= 8 || /-[\dXx]$/.test(v))) {
        out.push({ dataClass: 'financial', detector: 'bank-account-number', start: a, end: b, confidence: 0.8 });
      }
    });
    // a number right after a bank's name ("Vietcombank 0011004235817", "Maybank: 5640 1893 7781") or with it in brackets after ("4200 69 79054 (DNB)")
    const names = keywords.hits('bankname');
    // (by bisection: an export of thousands of accounts after bank names stays linear)
    const nameEndsBefore = (start: number): boolean => {
      for (let i = lowerBound(names.ends, start - 4); i < names.ends.length && names.ends[i]! <= start; i++) if (NAME_GAP.test(text.slice(names.ends[i]!, start))) return true;
      return false;
    };
    const bracketedAfter = (end: number): boolean => {
      const m = BANK_AFTER.exec(text.slice(end, end + 34));
      if (m === null) return false;
      const i = lowerBound(names.starts, end + 1);
      return i < names.starts.length && names.starts[i]! < end + m[0].length;
    };
    forEachWindow(scan, 'bankname', 40, 40, (ws, win) => {
      NUMBER.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = NUMBER.exec(win)) !== null) {
        const start = ws + m.index, end = start + m[0].length;
        const digits = m[0].replace(/\D/g, '').length;
        if (digits < 8 || digits > 20 || /^(?:19|20)\d{2}[- ]?\d{2}[- ]?\d{2}$/.test(m[0]) || PHONE_SHAPED.test(m[0]) || keywords.near('phone', start, end, 20, 0)) continue;
        // right after the bank's name, a colon, comma or dash between at most ("Vietcombank 0011004235817"), or the name in brackets right after the number ("(DNB)")
        if (!nameEndsBefore(start) && !bracketedAfter(end)) continue;
        out.push({ dataClass: 'financial', detector: 'bank-account-number', start, end, confidence: 0.75 });
      }
    });
    const accounts = keywords.hits('account');
    forEachValue(scan, 'account', (start, end, value, sortCode) => {
      // the value follows the word closely: "account 0012345678", "Acct no: 123-456-789"
      if (!keywords.near('account', start, end, 30, 0)) return;
      // (not a login's: 账号 after a game, a chat app or a user, "游戏账号：12345678")
      const k = lowerBound(accounts.starts, start) - 1;
      if (k >= 0 && /^[账帐]号$/.test(text.slice(accounts.starts[k]!, accounts.ends[k]!)) && LOGIN_ACCOUNT.test(text.slice(Math.max(0, accounts.starts[k]! - 3), accounts.starts[k]!))) return;
      // "Account Manager\nMobile: 07883 918 442": a phone word right before wins
      if (keywords.near('phone', start, end, 12, 0)) return;
      const digits = value.replace(/\D/g, '').length;
      // too short, a date, or a list of single digits ("scores: 3 4 5 2 1 4")
      if (!sortCode && (digits < 6 || /^(?:19|20)\d{2}[- ]?\d{2}[- ]?\d{2}$/.test(value) || /^\d(?: \d)+$/.test(value))) return;
      if (digits > 17 && !longAccountValid(value.replace(/\D/g, ''), text.slice(Math.max(0, start - 24), start))) return;
      out.push({ dataClass: 'financial', detector: 'bank-account-number', start, end, confidence: 0.8 });
    });
    // the short words, everyday words too, with the number right after them
    const short = keywords.hits('accountshort');
    forEachValue(scan, 'accountshort', (start, end, value, sortCode) => {
      const i = lowerBound(short.ends, start - 12);
      if (i >= short.ends.length || short.ends[i]! > start || !SHORT_GAP.test(text.slice(short.ends[i]!, start))) return;
      const word = text.slice(short.starts[i]!, short.ends[i]!).toLowerCase();
      const digits = value.replace(/\D/g, '').length;
      // "sort" only before a sort code, with an account's or a bank's word near ("Nationwide, sort 07-04-36, acc 21457789";
      // not "sort 24-05-01 rows first"); the rest before 8 to 17 digits (a Japanese account's 7 after 普通 or 当座), not a date
      if ((word === 'sort') !== sortCode) return;
      if (word === 'sort' && !keywords.near('account', start, end, 80, 80) && !keywords.near('bankname', start, end, 80, 20) && countInRange(short.starts, start - 80, end + 80) < 2) return;
      // (a Brazilian account after its branch: "agência 0341, conta 48217-3", its check digit after a dash)
      const branchAccount = word === 'conta' && /^\d{4,12}-[\dXx]$/.test(value) && /ag[eê]ncia[ \t:]*\d{3,5}(?:-\d)?[ \t]*[,;/–-]?[ \t]*$/i.test(text.slice(Math.max(0, short.starts[i]! - 40), short.starts[i]!));
      // ("conta" counts in Italian, "checking" and "savings" are everyday words: only after a branch, or a routing number or a bank's word)
      if (word === 'conta' && !branchAccount) return;
      if ((word === 'checking' || word === 'savings') && !/\b(?:routing|aba|rtn|bank)\b/i.test(text.slice(Math.max(0, start - 60), start))) return;
      if (!sortCode && !branchAccount && (digits < (/^(?:普通|普通預金|当座)$/.test(word) ? 7 : 8) || digits > 17 || /^(?:19|20)\d{2}[- ]?\d{2}[- ]?\d{2}$/.test(value))) return;
      out.push({ dataClass: 'financial', detector: 'bank-account-number', start, end, confidence: 0.75 });
    });
  },
};

/** Each sort code and number in the 40 characters after a word of `kind`: its span, its text, and whether it is a sort code. */
function forEachValue(scan: Scan, kind: KeywordKind, fn: (start: number, end: number, value: string, sortCode: boolean) => void): void {
  forEachWindow(scan, kind, 0, 40, (ws, win) => {
    for (const re of [SORT_CODE, NUMBER]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(win)) !== null) fn(ws + m.index, ws + m.index + m[0].length, m[0], re === SORT_CODE);
    }
  });
}

/**
 * An account number of more than 17 digits with check digits of its own: a Polish one of 26 (an IBAN's
 * without the country), a Russian one of 20 (its balance account first: 408… a person's, 407… a firm's,
 * 423… a deposit; no check digit without the bank's BIK), a Mexican CLABE of 18, an Argentine CBU of 22.
 */
function longAccountValid(d: string, before: string): boolean {
  if (d.length === 26) return ibanValid('PL' + d);
  if (d.length === 20) return /^4[02]\d{18}$/.test(d);
  // (a CLABE and a CBU after their own word only: one number in ten passes a one-digit check, "account ID 712345678901234567")
  if (d.length === 18) return /clabe[^\p{L}\d]*$/iu.test(before) && weightedCheck(d, [3, 7, 1]);
  if (d.length === 22) return /(?:cbu|cvu)[^\p{L}\d]*(?:es[^\p{L}\d]*)?$/iu.test(before) && weightedCheck(d.slice(0, 8), [7, 1, 3, 9]) && weightedCheck(d.slice(8), [3, 9, 7, 1]);
  return false;
}


/** The last digit is (10 - the sum of the others times `weights`, repeated, mod 10) mod 10: CLABE's and CBU's check digits. */
function weightedCheck(d: string, weights: readonly number[]): boolean {
  let sum = 0;
  for (let i = 0; i < d.length - 1; i++) sum += (d.charCodeAt(i) - 48) * weights[i % weights.length]!;
  return (10 - (sum % 10)) % 10 === d.charCodeAt(d.length - 1) - 48;
}
