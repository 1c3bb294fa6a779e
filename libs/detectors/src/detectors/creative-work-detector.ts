import { lineAround, type Detector } from '../detector';

interface Marker { re: RegExp; weight: number; structural: boolean; hint: RegExp }

const NUM = '(?:\\d+|[IVXLC]+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|ONE|TWO|THREE|FOUR|FIVE)';
const MARKERS: Marker[] = [
  { re: /(?:©|\(c\)|\bCopyright\b[ \t]*(?:©|\(c\))?)[ \t]*(?:\d{4}|[A-Z])/gi, weight: 1, structural: false, hint: /©|\(c\)|copyright/i },
  { re: /\bAll rights reserved\b/gi, weight: 1, structural: false, hint: /rights reserved/i },
  // a heading line: "Chapter 3", "CHAPTER ONE: The Harbour" (not "Chapter 3 of the handbook explains ...")
  { re: new RegExp(`^[ \\t#*]*(?:Chapter|CHAPTER)[ \\t]+${NUM}\\b(?:[ \\t]*[:.\\-–—][^\\n]{0,50})?[ \\t]*$`, 'gm'), weight: 1.5, structural: true, hint: /chapter/i },
  { re: /^[ \t]*[[(]?(?:Verse|VERSE|Chorus|CHORUS|Pre-Chorus|PRE-CHORUS|Bridge|BRIDGE|Outro|OUTRO|Intro|INTRO|Hook|HOOK|Refrain|REFRAIN)(?:[ \t]*\d)?[\])]?:?[ \t]*$/gm, weight: 1, structural: true, hint: /verse|chorus|bridge|outro|intro|hook|refrain/i },
  { re: /\b(?:draft|DRAFT|Draft)\b[^\n]{0,20}?(?:do not (?:share|distribute|circulate|forward)|not for circulation)/gi, weight: 1.5, structural: false, hint: /draft/i },
  { re: /^[ \t]*(?:ACT [IVX]+|Act [IVX]+|SCENE \d+|Scene \d+|PROLOGUE|Prologue|EPILOGUE|Epilogue|THE END)\b/gm, weight: 1, structural: true, hint: /act |scene |prologue|epilogue|the end/i },
  { re: /^(?:INT|EXT)\.[ \t][A-Z]/gm, weight: 1, structural: true, hint: /int\.|ext\./i },
  { re: /\bFADE (?:IN|OUT)[:.]/g, weight: 1, structural: true, hint: /fade /i },
  { re: /\b(?:[Ww]orking title|[Mm]anuscript|[Ll]yrics by|[Ww]ords and music by|[Uu]npublished (?:novel|manuscript|work))\b/g, weight: 1, structural: false, hint: /title|manuscript|lyrics|music|unpublished/i },
];
const COMMENT_LINE = /^\s*(?:\/\/|#|\*|\/\*|<!--|--|;|%)|SPDX|License|LICENSE|licen[sc]ed/;

interface Hit { start: number; end: number; weight: number; structural: boolean }

/**
 * Creative works (manuscripts, lyrics, screenplays, drafts) by their markings: ©/Copyright notices,
 * "All rights reserved", chapter headings, verse/chorus structure, "Draft — do not share", acts and
 * scenes. Two markers (weight >= 2) give a confident finding; one structural marker alone is weak.
 * Copyright lines in code comments or licence headers are ignored.
 */
export const creativeWorkDetector: Detector = {
  entries: [{ id: 'creative-work', dataClass: 'creative_work', description: 'Manuscripts, lyrics, drafts marked with copyright or structure' }],
  detect({ text, keywords }, out) {
    if (!keywords.has('creative')) return;
    const hits: Hit[] = [];
    // every marker contains a creative keyword: test the markers on the lines that hold one
    const { starts, ends } = keywords.hits('creative');
    // group the keyword hits by line; test on each line only the markers its keywords hint at
    for (let k = 0; k < starts.length; ) {
      const [ls, le] = lineAround(text, starts[k]!, 500);
      let words = '';
      while (k < starts.length && starts[k]! < le) {
        words += text.slice(starts[k]!, ends[k]!).toLowerCase() + ' ';
        k++;
      }
      const line = text.slice(ls, le);
      for (const mk of MARKERS) {
        if (!mk.hint.test(words)) continue;
        mk.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = mk.re.exec(line)) !== null) {
          if (m[0].length === 0) { mk.re.lastIndex++; continue; }
          if (!mk.structural && COMMENT_LINE.test(line)) continue;
          hits.push({ start: ls + m.index, end: ls + m.index + m[0].length, weight: mk.weight, structural: mk.structural });
        }
      }
    }
    if (hits.length === 0) return;
    hits.sort((a, b) => a.start - b.start);
    // cluster hits that are within 3000 characters of each other
    let c0 = 0;
    for (let i = 1; i <= hits.length; i++) {
      if (i < hits.length && hits[i]!.start - hits[i - 1]!.end <= 3000) continue;
      const group = hits.slice(c0, i);
      c0 = i;
      const score = group.reduce((s, h) => s + h.weight, 0);
      const confidence = score >= 2 ? 0.9 : score >= 1.5 ? 0.6 : 0.4;
      const first = group[0]!;
      const lastHit = group[group.length - 1]!;
      const start = lineAround(text, first.start, 500)[0];
      let end: number;
      if (group.some((h) => h.structural)) {
        const stop = text.indexOf('\n\n\n', lastHit.end);
        end = Math.min(stop === -1 ? text.length : stop, lastHit.end + 5000);
      } else {
        end = lineAround(text, lastHit.end, 500)[1];
      }
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      out.push({ dataClass: 'creative_work', detector: 'creative-work', start, end, confidence });
    }
  },
};
