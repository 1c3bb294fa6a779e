import { compileInspector } from '../inspector';

const inspector = compileInspector({});
const names = (text: string): string[] => inspector.inspect(text).filter((f) => f.detector === 'person-name').map((f) => text.slice(f.start, f.end));

describe('names known by what follows them (name-suffixes.ts)', () => {
  it('reads a name before a Turkish title, with its case ending too', () => {
    expect(names('Raporu ektedir, Selin Hanım istemişti.')).toEqual(['Selin']);
    expect(names("eşi Nermin Hanım'ın numarası 0541 207 33 18")).toEqual(['Nermin']);
    expect(names('Teşekkürler Elif Hanım. Ayşe Nur Hanım geldi.')).toEqual(['Elif', 'Ayşe Nur']);
  });

  it("reads a listed given name before a Turkish case ending's apostrophe, not a place", () => {
    expect(names("tamamdır Elif'e de iletiyorum")).toEqual(['Elif']);
    expect(names("Poliçe evrakları Zeynep'in e-postasına gönderilebilir. İstanbul'da yağmur var.")).toEqual(['Zeynep']);
  });

  it("reads a given name before an Indian English or Hindi title, not the title alone", () => {
    expect(names("Vikas sir ka approval mil gaya hai. tu Priyanka ma'am ko forward kar dega?")).toEqual(['Vikas', 'Priyanka']);
    expect(names('Thank you sir. Yes madam, the report is ready.')).toEqual([]);
  });
});
