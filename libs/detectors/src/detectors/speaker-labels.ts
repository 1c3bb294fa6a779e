/**
 * Speaker labels of a transcript or a chat log ("Anna: text" at line starts), found before the
 * person-name detector's main scan (person-name-detector.ts), which then skips the names pushed here.
 */
import type { Finding } from '../finding';
import { fold, isUpper } from './capitalised-runs';
import { STOP, words } from './person-name-words';

/** "Anna: text" at a line start: a speaker in a transcript or a chat log */
const SPEAKER = /[ \t]{0,3}(\p{Lu}[\p{Ll}'’-]{1,20}):(?:[ \t]+\S|[ \t]*["“])/uy;
/** words that head a field or a section line ("Note: ...", "Status: ..."; a forwarded mail's header in other languages, "De:", "Para:", "Asunto:"), never a speaker */
const NOT_SPEAKERS = words(`note notes summary subject date time re fw fwd from to cc bcc name email e-mail phone tel fax mobile address website url status
  priority owner type category title description answer question q a step warning error example result results reason comment comments update tip
  bot user assistant system agent customer client host guest speaker interviewer interviewee moderator caller operator support admin me you
  action decision outcome location where when what who why how total price cost amount source reference ref id
  agenda attendees blockers risks risk next todo budget timeline goal goals context background problem solution input output response request
  prompt transcript followup follow-up minutes issue issues fix cause impact steps details info information contact company department role
  team project version build environment env tags labels links attachment attachments pros cons yes no ok okay hint caution important
  antipasto antipasti primo secondo contorno dolce aperitivo digestivo entrée entree plat dessert starter starters main mains pudding appetizer appetiser
  de para enviado enviada asunto fecha von an gesendet betreff datum objet envoyé envoye à da inviato oggetto data van aan verzonden onderwerp
  från till skickat ämne fra sendt emne od do wysłano temat kimden kime gönderildi konu feladó címzett elküldve tárgy lähettäjä vastaanottaja
  lähetetty aihe dari kepada perihal`);
/**
 * Speaker labels of a transcript: lines that start with "Word: text" where the word is in the name
 * lists (and no field word); at least two different such speakers make a transcript.
 * Returns the starts of the names pushed (so the main scan does not push them again).
 */
export function speakerLabels(
  text: string,
  all: { has(w: string): boolean },
  given: { has(w: string): boolean },
  common: Set<string>,
  out: { push(f: Finding): unknown },
): Set<number> | undefined {
  if (text.indexOf('\n') === -1) return undefined;
  const found = speakerLabelCandidates(text);
  if (found.length < 2) return undefined;
  // a label that repeats ("Plan:", "Salary:" in each record) is no evidence: only words of the name lists count
  const isName = (w: string): boolean => !NOT_SPEAKERS.has(w) && !STOP.has(w) && !common.has(w) && (all.has(w) || all.has(fold(w, w)));
  const names = found.filter((f) => isName(f.lower));
  // (or one listed given name heading two lines: "Alice: …\nAlice: …", a speaker talking twice)
  if (new Set(names.map((f) => f.lower)).size < 2 && !(names.length >= 2 && given.has(names[0]!.lower))) return undefined;
  // a speaker whose name is not in the lists ("Xiadani:") on the line right before or after a listed one
  const named = new Set(names);
  const nextLine = (a: { start: number }, b: { start: number }): boolean => {
    const nl = text.indexOf('\n', a.start);
    return nl !== -1 && nl < b.start && text.lastIndexOf('\n', b.start - 1) === nl;
  };
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (named.has(f) || f.end - f.start < 3 || NOT_SPEAKERS.has(f.lower) || STOP.has(f.lower) || common.has(f.lower)) continue;
    const prev = found[i - 1], next = found[i + 1];
    if ((prev !== undefined && named.has(prev) && nextLine(prev, f)) || (next !== undefined && named.has(next) && nextLine(f, next))) names.push(f);
  }
  const starts = new Set<number>();
  for (const f of names) {
    out.push({ dataClass: 'personal_data', detector: 'person-name', start: f.start, end: f.end, confidence: 0.8 });
    starts.add(f.start);
  }
  return starts;
}

/**
 * The "Word:" at the start of lines (the first colon of each line, back to its line start, at most 25
 * characters), for speakerLabels. A function of its own: when the scan loop was optimised while
 * running (on-stack replacement), the code after it had no type feedback yet and V8 left that
 * optimised code there on every call (~40 deoptimisations per inspection of the dense text).
 */
function speakerLabelCandidates(text: string): { start: number; end: number; lower: string }[] {
  const found: { start: number; end: number; lower: string }[] = [];
  for (let c = text.indexOf(':'); c !== -1; ) {
    let ls = c;
    while (ls > 0 && c - ls <= 25 && text.charCodeAt(ls - 1) !== 10) ls--;
    if (ls === 0 || text.charCodeAt(ls - 1) === 10) {
      let q = ls;
      while (q < c && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
      if (isUpper(text.charCodeAt(q))) {
        SPEAKER.lastIndex = ls;
        const m = SPEAKER.exec(text);
        if (m !== null && ls + m[0].indexOf(':') === c) {
          const start = ls + m[0].indexOf(m[1]!);
          found.push({ start, end: start + m[1]!.length, lower: m[1]!.toLowerCase() });
        }
      }
    }
    const nl = text.indexOf('\n', c);
    c = nl === -1 ? -1 : text.indexOf(':', nl);
  }
  return found;
}
