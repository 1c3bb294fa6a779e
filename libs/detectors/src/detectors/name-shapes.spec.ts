import { compileInspector } from '../inspector';

const inspector = compileInspector({ classes: ['personal_data'] });
const names = (text: string): string[] => inspector.inspect(text).filter((f) => f.detector === 'person-name').map((f) => text.slice(f.start, f.end));

describe('person names in chat copy formats (chat-names.ts)', () => {
  it('reads the author lines of a chat copied from Slack or Teams', () => {
    const text = 'Can you sum this up?\n\nHanna Lindgren  09:14\nthe deploy is stuck again\n\nTomasz Zielinski\t09:16 AM\nlooking, give me 5\n\nHanna Lindgren  09:20\nthanks!\n';
    expect(names(text)).toEqual(expect.arrayContaining(['Hanna Lindgren', 'Tomasz Zielinski']));
  });
  it('reads the speakers of a timestamped log, listed or not', () => {
    const text = '[14/02/2026, 18:01:12] Adaeze Obi: are we still on for friday?\n[14/02/2026, 18:03:40] Kwabena Mensah: yes, 7pm\n';
    expect(names(text)).toEqual(expect.arrayContaining(['Adaeze Obi', 'Kwabena Mensah']));
  });
  it.each([
    'Schedule:\n\nRegistration  08:30\nbadges at the front desk\n\nCoffee Break  10:30\nfoyer\n',
    'Opening Keynote  09:00\nMain hall\n\nPanel Discussion  10:15\nRoom 2\n',
    'Jordan Room  10:00\nbooked for the sync\n',
  ])('no chat author in a timetable: %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person names at the head of a list item (name-shapes.ts)', () => {
  it.each([
    ['Shortlist:\n1) Oluwaseun Adeyemi – sharp on databases\n2) Ingrid Halvorsen – strong lead\n', 'Oluwaseun Adeyemi'],
    ['Shortlist:\n1) Oluwaseun Adeyemi – sharp on databases\n2) Ingrid Halvorsen – strong lead\n', 'Ingrid Halvorsen'],
    ['Panel:\n3. Nguyễn Thị Hoa: chair\n', 'Nguyễn Thị Hoa'],
    ['• Rafael Quintero – joins in March\n', 'Rafael Quintero'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });
  it.each([
    'Status:\n2) Budget – approved\n3) Hiring Plan – pending\n',
    '- Kubernetes – upgraded\n- Load Balancer – fixed\n',
    '1. Install Dependencies\n2. Run Tests\n3. Open Pull Request\n',
    '* Marketing Update: done\n* Quarterly Review: moved\n',
  ])('no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('a first name alone after a salutation (name-shapes.ts)', () => {
  it.each([
    ['Hi Yevheniia,\n\nthe invoice is attached.', 'Yevheniia'],
    ['Hello Jean-Baptiste,\n\nthanks for the call.', 'Jean-Baptiste'],
    ['Beste Femke,\n\nhierbij de offerte.', 'Femke'],
    ['Querida Lucía,\n\nte envío el contrato.', 'Lucía'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });
  it.each([
    'Hi team,\n\nthe release is out.',
    'Hello World, this is a test program.',
    'Dear Customer,\n\nyour order has shipped.',
    'Hi Developers,\n\nplease update.',
    '## Hello Fastify\n\nnpm install fastify',
    'Beste Grüße aus Berlin',
  ])('no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('an initial and a family name, and more name labels (name-shapes.ts)', () => {
  it.each([
    ['Patient: K. Nakamura, 52, follow-up in May', 'K. Nakamura'],
    ['the card says R. Kowalczyk on the front', 'R. Kowalczyk'],
    ['Apologies: Bongani Dlamini', 'Bongani Dlamini'],
    ['Naam: Maarten de Graaf', 'Maarten de Graaf'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });
  it.each([
    'The U.S. Army and the E. coli outbreak were in the news.',
    'See Appendix A. Introduction covers the scope.',
  ])('no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('no person: firms with "&", job titles, firms and places (name-shapes.ts)', () => {
  it.each([
    'Compare the results of Simon & Schuster, Johnson & Johnson and Crosby & Co.',
    'Our auditors are Smith & Nephew; the caterer is Baker & Daughters.',
    'Signed by Ayodele Bankole, Operations Manager.',
    'From: Grete Solberg, Northwind Instruments, 12 Elm Road',
    'Bill to: Lakeside Pine Realty, 40 Main St',
    'We have branches in Sydney, Austin and Florence.',
  ])('no person in %j', (text) => {
    expect(names(text)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Simon|Schuster|Johnson|Crosby|Nephew|Baker|Manager|Instruments|Realty|Florence|Austin/)]));
  });
  it('keeps two people joined by "&" and the people before a title', () => {
    expect(names('We met Anna & Tom at the station.')).toEqual(expect.arrayContaining(['Tom']));
    expect(names('Signed by Ayodele Bankole, Operations Manager.')).toEqual(['Ayodele Bankole']);
  });
});

describe('names in chat typed without capitals (lower-case-chat.ts)', () => {
  it.each([
    ['the group is me, chen wei, amara nwosu, lars nilsson and fatima zahra. book a table', 'chen wei'],
    ['the group is me, chen wei, amara nwosu, lars nilsson and fatima zahra. book a table', 'amara nwosu'],
    ['pls hand the keys to suresh bhaiya at the gate', 'suresh bhaiya'],
    ['can you write a note, my manager olivia wants it by noon', 'olivia'],
    ['remind everyone that marco has the tickets in his bag', 'marco'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });
  it.each([
    'the team is me and the boss, we meet at noon',
    'for (const match of items) console.log(match.index)',
    'give each element a field usually called id',
    'red wine, green tea, black coffee and orange juice for the table',
    'the weather in jordan is very hot. he went home early',
  ])('no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('a name in capitals heading a CV (name-shapes.ts)', () => {
  it('reads the name line above the contact details', () => {
    expect(names('My CV header:\n\nSVETLANA ORLOVA\n14 Birch Lane, Leeds LS6 2AB\n+44 7700 900123 | s.orlova.dev@mailbox.org\n')).toContain('SVETLANA ORLOVA');
  });
  it.each([
    'PROFESSIONAL SUMMARY\n+44 7700 900123 | data engineer with 8 years\n',
    'WORK EXPERIENCE\n2019 - 2023 | Acme Corp\n',
    'JORDAN ROOM\n12 seats, +44 20 7946 0000\n',
  ])('no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('a name and a role in brackets, a hyphenated name in a name column', () => {
  it('reads "(Name, role)"', () => {
    expect(names('We spoke with Leila and me (Gurpreet Dhaliwal, HR BP) about the return plan.')).toContain('Gurpreet Dhaliwal');
  });
  it.each(['Our office (Paris, France) is closed.', 'The venue (Grand Hall, level 2) is booked.'])('no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
  it('reads a hyphenated given name in a name column', () => {
    expect(names('Name\tTeam\nSeo Ji-woo\tPlatform\nAnna Berg\tData\n')).toContain('Seo Ji-woo');
  });
});

describe('list items and lists of places, more', () => {
  it('reads an unlisted name heading a list item before two listed ones', () => {
    expect(names('Finalists:\n1. Nomsa Dube – strong portfolio\n2. Henrik Andersen – good fit\n3. Paulo Ferreira – later\n')).toContain('Nomsa Dube');
  });
  it.each([
    'Steps:\n1. Clone Repo – done\n2. Lukas Schmidt – reviewer\n',
    'We have branches in Charlotte, Austin and Victoria.',
  ])('no unlisted item, no place in %j', (text) => {
    expect(names(text)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Clone|Charlotte|Austin|Victoria/)]));
  });
});
