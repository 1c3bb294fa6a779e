import { compileInspector } from '../inspector';
import { expectWithin } from '../timing.test-helper';

const inspector = compileInspector({ classes: ['personal_data'] });
const names = (text: string): string[] => inspector.inspect(text).filter((f) => f.detector === 'person-name').map((f) => text.slice(f.start, f.end));

describe('person-name detector', () => {
  it.each([
    ['Dear Ingeborg Lindahl,\n\nthanks for your order.', 'Ingeborg Lindahl'],
    ['Hi Mehmet, can you check this?', 'Mehmet'],
    ['Please ask Mr. Okonjo to sign.', 'Okonjo'],
    ['Patient: Rosalind Ferreira-Costa, 61', 'Rosalind Ferreira-Costa'],
    ['Kind regards,\n\nBenedikt Auer\nSales', 'Benedikt Auer'],
    ['Thanks,\nDolores', 'Dolores'],
    ['Attendees: Kenji Watanabe, Amelie Roux and Tariq Haddad', 'Tariq Haddad'],
    ['Attendees: Kenji Watanabe, Amelie Roux and Tariq Haddad', 'Amelie Roux'],
    ['Approved by Cornelia van der Berg (Legal)', 'Cornelia van der Berg'],
    ['Can you reword this? Svetlana Petrova told me the shipment is late.', 'Svetlana Petrova'],
    ['hello, my name is Abebe Bekele and I want a refund', 'Abebe Bekele'],
    ['3,Marta Kowalczyk,marta.k@example.org,paid', 'Marta Kowalczyk'],
    ["I spoke with Dmitri Volkov's assistant yesterday.", 'Dmitri Volkov'],
    ['— Aoife Brennan', 'Aoife Brennan'],
    ['Forward it to Joaquín Herrera please.', 'Joaquín Herrera'],
    // a person, where and whatever the place: cities named like people are left out of the places
    ['Send it to Maria Garcia in Costa Rica.', 'Maria Garcia'],
    ['Ask Juan Diaz to call back.', 'Juan Diaz'],
    ['Diego Garcia sent the report.', 'Diego Garcia'],
    // the name line of an address block, even of names that are also words ("John", "Smith", "Will")
    ['John Smith\n221B Baker Street\nLondon NW1 6XE', 'John Smith'],
    ['Will Baker\n55 Queen St W\nToronto, ON M5V 2T6', 'Will Baker'],
    ['Mark Rose\nRua das Flores 123\n01234-567 São Paulo', 'Mark Rose'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    'The Washington Post and Ford Motor Company reported record quarters.',
    'Our office moved to New York last year; Paris stays open.',
    'Please join the Monday Morning Standup before Quarterly Business Review.',
    'General Electric fell 3% while Morgan Stanley rose.',
    'Deliver to Via Giuseppe Verdi 21, Milano.',
    'const userName = getUser(); class AccountManager extends Base {}',
    'Import the GitHub Actions workflow and the Docker Compose file.',
    'Translate to Spanish: the meeting is moved.',
    'We will mark the grace period as long as the bill is paid.',
    'Building Better Software Together since 2004.',
    // places of several words, some of them names: countries, states, cities (data/names.ts PLACE_NAMES)
    'We are flying to Costa Rica next week.',
    'Travelling to Burkina Faso, Sierra Leone and Cabo Verde.',
    'The conference is in Las Vegas, then San Francisco and Los Angeles.',
    'Flights from Buenos Aires to Rio de Janeiro and Santo Domingo.',
    'Our warehouse near Virginia Beach ships to Prince Edward Island.',
    // a town line of an address block is part of the address, not a name
    'Ship to:\n14 Harbour Road\nWinston Salem, NC 27101',
    'Harbour View\n12 Main Street',
  ])('no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['capitalised words', 'Anna '.repeat(20_000)],
    ['greetings and particles', 'Dear Anna de '.repeat(8_000)],
    ['capitals', 'A'.repeat(100_000)],
    ['hyphenated', 'Ab-Cd '.repeat(16_000)],
    ['apostrophes', "O'Ab ".repeat(20_000)],
    ['one long line of name fields', 'Name: Anna Berg, '.repeat(6_000)],
    ['"Name - note" lines', 'Ana Ruiz - none\n'.repeat(6_000)],
    ['introductions and "incl."', "hi it's Ana from Acme, juniors incl. Omar and ".repeat(2_000)],
    ['SQL rows', "INSERT INTO t (first_name) VALUES ('Ana'), ".repeat(2_000)],
    // (each line's list of people once looked for a label's colon as far as the text's last colon)
    ['lines of two names, one colon at the end', `${'Ana Ruiz and Tom Berg met\n'.repeat(4_000)}:`],
  ])('stays linear on adversarial input: %s (100 KB)', (_what, input) => {
    // linear: twice the input takes about twice the time (not four times), and 100 KB stays fast;
    // the fastest of five runs, so a busy machine does not decide (with three, a CI run under load once
    // measured 3.51 times the half)
    const half = input.slice(0, input.length >> 1);
    const fastest = (t: string): number => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        inspector.inspect(t);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const h = fastest(half);
    const f = fastest(input);
    expect(f).toBeLessThan(2000);
    expect(f).toBeLessThan(Math.max(250, 3.5 * h));
  });
});

describe('person-name detector: lists and places', () => {
  it('does not read title-case bullet points or place names as names', () => {
    expect(names('## Release Notes\n- Fixed Login Page\n- Added Dark Mode\n- Improved Search Speed')).toEqual([]);
    expect(names('We visited Santa Clara and San Jose last week.')).toEqual([]);
  });
  it('reads a signature after a dash and an action item', () => {
    expect(names('Thanks!\n— Aoife Brennan')).toEqual(['Aoife Brennan']);
    expect(names('- Aiko to send the vendor list')).toEqual(['Aiko']);
  });
});

describe('person-name detector: issue 20, names on an independent yardstick', () => {
  it('reads a middle initial as part of the name', () => {
    expect(names('The contract was countersigned by Ingrid T. Halvorsen on Monday.')).toEqual(['Ingrid T. Halvorsen']);
    expect(names('Please forward the minutes to Olivia R Mendes today.')).toEqual(['Olivia R Mendes']);
    expect(names('We need Vitamin D Supplements for the clinic.')).toEqual([]);
  });
  it('leaves a contraction or a job title before the name out of it', () => {
    expect(names("Hi all, I'm Teodora Marin, the new analyst.")).toEqual(['Teodora Marin']);
    expect(names('Engineer Daniel Okafor joined the call late.')).toEqual(['Daniel Okafor']);
  });
  it('takes any word after "my name is"', () => {
    expect(names('Good morning, my name is Zsuzsanka and I need help with my order')).toEqual(['Zsuzsanka']);
    expect(names("Her name's Oyelaran, she starts Monday.")).toEqual(['Oyelaran']);
  });
  it('reads credits labels and founders', () => {
    expect(names('Genre: Drama\nProduced By:   Henrike Solberg')).toEqual(['Henrike Solberg']);
    expect(names('The firm has two founders: Okonkwo and Lindqvist.')).toContain('Okonkwo');
  });
  it('reads a list of given names', () => {
    expect(names('The winners were Sophie, Rahul, Ingrid and Mateo.')).toEqual(['Sophie', 'Rahul', 'Ingrid', 'Mateo']);
    expect(names('We support Jira, Confluence, Slack and Teams.')).toEqual([]);
    expect(names('Offices in Madrid, Lisbon and Porto are closed.')).toEqual([]);
  });
  it('reads the speakers of a transcript, not field labels', () => {
    expect(names('Maria: Did the invoice go out?\nThomas: Yes, this morning.\nMaria: Great.')).toEqual(['Maria', 'Thomas', 'Maria']);
    expect(names('Status: open\nPriority: high\nSummary: login fails')).toEqual([]);
    expect(names('Note: read this first.')).toEqual([]);
    // labels repeated record after record are no speakers
    expect(names('Assessment: stable\nPlan: rest\n\nAssessment: improving\nPlan: discharge')).toEqual([]);
  });
});

describe('person-name detector: one given name in running text', () => {
  it('reads a given name addressed or mentioned mid-sentence', () => {
    expect(names('Priya, could you check the totals again?')).toEqual(['Priya']);
    expect(names('That is great news, Tobias!')).toEqual(['Tobias']);
    expect(names('I picked up my daughter Ingrid after school.')).toEqual(['Ingrid']);
    expect(names('Why did Hamid leave early?')).toEqual(['Hamid']);
    expect(names('Amira wants the slides by Friday.')).toEqual(['Amira']);
    expect(names('Georgia has a new data law.')).toEqual([]);
  });
  it('answers to a name question', () => {
    expect(names('What is your surname? Okonkwo')).toEqual(['Okonkwo']);
    expect(names("Agent: and the name? Wojtowicz")).toEqual(['Wojtowicz']);
  });
  it('leaves places, products and AI assistants alone', () => {
    expect(names('We visited Santa Clara and San Jose last week.')).toEqual([]);
    expect(names('Our team flew to Jordan in May.')).toEqual([]);
    expect(names('ask Claude to summarise this thread')).toEqual([]);
    expect(names('we use Ruby for the backend and Kafka for events')).toEqual([]);
    expect(names('sketch it on Miro, then sign in with Okta')).toEqual([]);
    expect(names('Claude Monet painted water lilies.')).toEqual(['Claude Monet']);
  });
  it('reads a surname ending after a given name', () => {
    expect(names('The report was filed by Dmitri Zhuravlenko last week.')).toEqual(['Dmitri Zhuravlenko']);
  });
});

describe('person-name detector: text typed in lower case', () => {
  it('reads a given and a family name from the lists with a person context', () => {
    expect(names('pls sync with fatima haddad before friday')).toEqual(['fatima haddad']);
    expect(names('hi lena novak, the invoice is attached')).toEqual(['lena novak']);
    expect(names('oliver bennett said the build is green')).toEqual(['oliver bennett']);
  });
  it('leaves lower-case prose without such a pair alone', () => {
    expect(names('we will grant access to the team on monday')).toEqual([]);
    expect(names('the rose garden opens in june')).toEqual([]);
  });
  it('in a text with capitals, reads a short one only, after a word about someone addressed or written to', () => {
    expect(names('Set up a call with fatima haddad before Friday')).toEqual(['fatima haddad']);
    expect(names('Can you draft an email to john okafor about the delay?')).toEqual(['john okafor']);
    expect(names('Please ask maria garcia to sign the NDA.')).toEqual(['maria garcia']);
    expect(names('The TTL is within max length, and we enable multiple workers.')).toEqual([]);
    expect(names('Intro. ' + 'word '.repeat(1000) + 'Set up a call with fatima haddad before Friday')).toEqual([]);
  });
});

describe('person-name detector: firms named after people', () => {
  it('reads no name in a firm name with a firm word', () => {
    expect(names('Bill to: Hartmann Logistics, 12 Elm Street')).toEqual([]);
    expect(names('Contact: Bruce Wayne\nInvoice for Wayne Enterprises attached.')).toEqual(['Bruce Wayne']);
  });
});

describe('person-name detector: a person mentioned again', () => {
  it('reads a lone word that was part of a full name found in the same text', () => {
    expect(names('I met Ingrid Solheim on Monday. The Solheim proposal is due Friday, and Solheim wants feedback.')).toEqual([
      'Ingrid Solheim',
      'Solheim',
      'Solheim',
    ]);
  });
  it('needs the full name in the text, and leaves streets and firms named after the person alone', () => {
    expect(names('The Solheim proposal is due Friday.')).toEqual([]);
    expect(names('Ingrid Solheim lives on Solheim Road, next to Solheim Holdings.')).toEqual(['Ingrid Solheim']);
  });
});

describe('person-name detector: an unlisted given name before a listed surname', () => {
  it('reads the pair after a word about a person', () => {
    expect(names('The mural was painted by Zoltanek Kowalski in 1998.')).toEqual(['Zoltanek Kowalski']);
    expect(names('Please forward the contract to Quirino Haddad today.')).toEqual(['Quirino Haddad']);
  });
  it('does not read it after an article or a place preposition', () => {
    expect(names('Have you read the Zoltanek Kowalski report?')).toEqual([]);
    expect(names('The ferry goes to Porto Santo daily.')).toEqual([]);
  });
});

describe('person-name detector: transcripts', () => {
  it('reads an unlisted speaker next to listed ones', () => {
    expect(names('Xiadani: are you joining?\nMarta: yes, in five minutes\nJonas: same here')).toEqual(['Xiadani', 'Marta', 'Jonas']);
  });
  it('leaves section labels and labels away from the speakers alone', () => {
    expect(names('Marta: ok\nJonas: fine\nBlockers: none\nRisks: low')).toEqual(['Marta', 'Jonas']);
    expect(names('Marta: ok\nJonas: fine\nsome text here\nQwerty: x')).toEqual(['Marta', 'Jonas']);
  });
  it("reads Zalo's authors before the time and its colon, and no agenda's items", () => {
    const chat = 'Trần Thị Hương 08:12: Chào cả nhà, hôm nay anh Dũng xin nghỉ\nLê Hoàng Nam 08:14: chúc anh ấy mau khỏe.';
    expect(names(chat)).toEqual(expect.arrayContaining(['Trần Thị Hương', 'Lê Hoàng Nam']));
    expect(names('Standup 09:00: room 4\nLunch 12:30: canteen\nReview 15:00: all hands')).toEqual([]);
  });
  it("reads a support chat's speakers after their role, and no team or service after one", () => {
    expect(names('Agent Brandon: Hi, thanks for contacting ShopRight!\nCustomer: my order is late\nAgent Brandon: Sorry about that.')).toEqual(['Brandon', 'Brandon']);
    expect(names('Support Team: we will look into it\nCustomer Service: thanks\nSupport Ticket: printer broken')).toEqual([]);
  });
});

describe('person-name detector: a list of given names opened by an unlisted one', () => {
  it('reads every item when the others are all listed given names', () => {
    expect(names('Attendees were Xiadani, Hannah, Omar and Lea.')).toEqual(['Xiadani', 'Hannah', 'Omar', 'Lea']);
  });
  it('needs four items, and leaves lists of products alone', () => {
    expect(names('Supported: Jira, Slack, Notion and Figma.')).toEqual([]);
    expect(names('Qorvaneth, Hannah and Lea joined.')).not.toContain('Qorvaneth');
  });
});

describe('person-name detector: the rarer given names (the SSA list) before a family name', () => {
  it('reads a rarer given name before a listed family name, with or without a cue', () => {
    expect(names('Billing address: Noelle Martinsson\n    1593 Pagari 18 Suite 932')).toEqual(['Noelle Martinsson']);
    expect(names('Thanks to Pradeep Sharma and Hossein Rostami.')).toEqual(['Pradeep Sharma', 'Hossein Rostami']);
    expect(names('Swedish graffiti (also features Hilding Carlsson. What is not to love?')).toEqual(['Hilding Carlsson']);
  });
  it('reads no such word alone, nor before a given name or a trade', () => {
    expect(names('If you are using Deno: run it. The fastest way to get started with Prisma is here.')).toEqual([]);
    expect(names('It copies Prisma Dev runtime assets, then Prisma starts.')).toEqual([]);
    expect(names("Hi it's Dafydd from Severn Roofing, about Tuesday")).toEqual(['Dafydd']);
  });
});

describe('person-name detector: two or three words that are no English words, one of them a listed name', () => {
  it('reads them as a name without a cue', () => {
    expect(names('Skip-level Gabriela Nowicka agrees.')).toEqual(['Gabriela Nowicka']);
    expect(names('Our representative Takahashi Ayumi will visit your office.')).toEqual(['Takahashi Ayumi']);
  });
  it('reads no title, firm, product or language name', () => {
    expect(names('He was promoted to Staff Engineer by Delta Consulting.')).toEqual([]);
    expect(names('Types are Json Schema fragments; bump the Dev Deps.')).toEqual([]);
    expect(names('Fix misspellings in Irish or Irish Gaelic.')).toEqual([]);
  });
});

describe('person-name detector: given names joined by "and", a given name before an auxiliary', () => {
  it('reads both given names of a pair, and a given name opening a sentence with an auxiliary', () => {
    expect(names('Seating plan: next to Ravi and Zeynep, away from the window.')).toEqual(['Ravi', 'Zeynep']);
    expect(names('Theo has a severe nut allergy.')).toEqual(['Theo']);
    expect(names('Sophie was promoted last week.')).toEqual(['Sophie']);
    expect(names("Notes from the offsite: Mikael's proposal for the pricing page was approved.")).toEqual(['Mikael']);
  });
  it('reads no places, products or everyday words so joined or placed', () => {
    expect(names('Thu: Austin, then drive to Charlotte and Victoria.')).not.toContain('Charlotte');
    expect(names('We use Claude and Gemini for drafts.')).toEqual([]);
    expect(names('Tell Grace and Will about it.')).toEqual([]);
    expect(names('Jordan has been hit by drought. Victoria has been chosen.')).toEqual([]);
    expect(names("Jordan's economy grew. Use Jest's mock functions.")).toEqual([]);
  });
});

describe('person-name detector: a name in capitals after a person\'s label', () => {
  it('reads it on cards, shipping labels and forms', () => {
    expect(names('Card: 3714 796708 75159\nCardholder: DANIEL J ROSENBERG\n\nCheers')).toEqual(['DANIEL J ROSENBERG']);
    expect(names('DELIVER TO: MS. PRIYANKA CHATTERJEE\nFLAT 7C, SUNRISE APARTMENTS')).toEqual(['PRIYANKA CHATTERJEE']);
    expect(names('Student: KIM JI-HOON    Student ID: 2019-44817')).toEqual(['KIM JI-HOON']);
  });
  it('reads no team, firm or status in capitals', () => {
    expect(names('Status: OPEN TICKET\nOwner: IT SUPPORT TEAM\nName: ACME LOGISTICS LTD\nCustomer: NORTHWIND TRADERS')).toEqual([]);
  });
  it('stays linear on many colons', () => {
    expectWithin(3000, () => names('Name: AB CD '.repeat(20000) + '\n' + 'x:Y'.repeat(60000)));
  });
});

describe('person-name detector: titles of other languages', () => {
  it('reads the name after an Italian, Dutch, Latin American, Polish, Thai, Indian or Malay title', () => {
    expect(names('Gentile dott.ssa Lombardi,\n\nle confermo')).toEqual(['Lombardi']);
    expect(names('Geachte dhr. Jansen,')).toEqual(['Jansen']);
    expect(names('Estimado Lic. Villaseñor:')).toEqual(['Villaseñor']);
    expect(names('Szanowny Panie Kowalczyk,')).toEqual(['Kowalczyk']);
    expect(names('Dear Khun Somchai,')).toEqual(['Somchai']);
    expect(names('Shri Venkataraman will attend.')).toEqual(['Venkataraman']);
  });
  it('reads no firm or department after a word that looks like a title', () => {
    expect(names('We bank with ING Direct. Contact HR Business Partner team. Flights to Sri Lanka.')).toEqual([]);
  });
});

describe('person-name detector: a relative named, a hyphenated given name before a particle', () => {
  it('reads the name after "his wife," or "our neighbour"', () => {
    expect(names('He will be accompanied by his wife, Shirin Ghasemi, and their daughter.')).toEqual(['Shirin Ghasemi']);
    expect(names('Our neighbour Ngozi Eze helped.')).toEqual(['Ngozi Eze']);
    expect(names('My manager Human Resources said no.')).toEqual([]);
    expect(names('Exclude Siemens and Philips (existing customers).')).toEqual([]);
    // a word of a name found that is an English word is not that person again alone
    expect(names('| G | Anno Domini, Before Christ |\n// Before v2.0.0\nBefore the release, run the tests.')).not.toContain('Before');
  });
  it('reads a particle after a hyphenated given name, and no hyphenated word alone', () => {
    expect(names('Present: Aiko Tanabe, Pieter-Jan de Smedt')).toEqual(['Aiko Tanabe', 'Pieter-Jan de Smedt']);
    expect(names('Support for Pino-compatible logger instances.')).toEqual([]);
  });
});

describe('person-name detector: words about a person before a full name', () => {
  it('reads a name after a verb of saying or a job title in lower case', () => {
    expect(names('"We ship on Friday," says Annika Brauer from logistics.')).toEqual(['Annika Brauer']);
    expect(names('The demo was recorded by producer Ottilie Marchetti last spring.')).toEqual(['Ottilie Marchetti']);
    expect(names('I met my neighbour Leonie Vasquez at the bakery.')).toEqual(['Leonie Vasquez']);
  });
  it('reads a name with a job title in apposition before a verb of saying', () => {
    expect(names('Radomira Okafor, the site supervisor, said the crane is fixed.')).toEqual(['Radomira Okafor']);
  });
});

describe('person-name detector: the listener after a verb of speaking', () => {
  it('reads a given name after "shouted at" or "said … to"', () => {
    expect(names('In the hallway Teodor shouted at Miriam about the keys.')).toContain('Miriam');
    expect(names('"Not again," said Benedikt to Yvonne.')).toEqual(['Benedikt', 'Yvonne']);
  });
  it('leaves places after such verbs alone', () => {
    expect(names('She waved at Lisbon from the ferry and talked to Toronto support.')).toEqual([]);
  });
});

describe('person-name detector: a person described or acting at a sentence start', () => {
  it('reads a listed given name described as a person', () => {
    expect(names('Rebekah is very patient. Everyone likes working with her.')).toEqual(['Rebekah']);
  });
  it('needs a word about a person for that', () => {
    expect(names('Florence is very warm in June. The museums are open late.')).toEqual([]);
  });
  it('reads unlisted words before what only a person does', () => {
    expect(names('Xiadani Orruk lives at 14 Birch Close.')).toEqual(['Xiadani Orruk']);
    expect(names('Zelquor smiled at the customer and closed the ticket.')).toEqual(['Zelquor']);
    expect(names("Brannoch Tevis's widow called the office twice.")).toEqual(['Brannoch Tevis']);
  });
  it('leaves teams and data that live somewhere or present something alone', () => {
    expect(names('Product Data lives in the EU region. Data Engineering will be presenting the roadmap.')).toEqual([]);
    expect(names('Platform Engineering spent a year on it; Platform Engineering works as an enabler.')).toEqual([]);
  });
  it('leaves pronouns, family words and software words alone', () => {
    expect(names('Everyone smiled. Nobody lives there any more.')).toEqual([]);
    expect(names("Mother's birthday is on Sunday.")).toEqual([]);
    expect(names("Each Node's children are sorted. Parent Node's children too. Node's parents are kept.")).toEqual([]);
  });
});

describe('person-name detector: a full name after an article', () => {
  it('reads a listed given and family name used as a modifier', () => {
    expect(names('Did you hear the Vera Lindqvist recording of it?')).toEqual(['Vera Lindqvist']);
    expect(names('We booked a Daniel Okafor workshop for May.')).toEqual(['Daniel Okafor']);
  });
  it('leaves eponyms, firms and places after an article alone', () => {
    expect(names('We ran a Monte Carlo simulation on the Johns Hopkins data.')).toEqual([]);
    expect(names('The Morgan Stanley report and the Costa Rica trip are due.')).toEqual([]);
  });
});

describe('person-name detector: a name given or changed', () => {
  it('reads a name after "named her" or "name" with its owner, even a word', () => {
    expect(names('They named her Grace after her grandmother.')).toEqual(['Grace']);
    expect(names("The booking is under my partner's name Halvard Quist.")).toEqual(['Halvard Quist']);
  });
  it('reads a person added to an account or whose name is corrected', () => {
    expect(names('Please add Oriane Vellacott as a joint account holder.')).toEqual(['Oriane Vellacott']);
    expect(names('My name is misspelt on the card, please change it to Dobromir Kuznetsov.')).toEqual(['Dobromir Kuznetsov']);
  });
  it('leaves renamed documents and added tools alone', () => {
    expect(names('The file name is wrong, please change it to Final Report.')).toEqual([]);
    expect(names('Add Power Automate as a connector in the portal.')).toEqual([]);
  });
});

describe('person-name detector: letter and signature blocks', () => {
  it('reads a name line above an organisation line and an address', () => {
    expect(names('Odalys Ferrante\nNorthwind Traders\n48 Kestrel Lane\nLeeds LS2 7QA')).toContain('Odalys Ferrante');
    expect(names('Irmgard Pohl\n\n17 Harbour Road\nCork')).toEqual(['Irmgard Pohl']);
    expect(names('Regards,\n> Tanvir K Chowdhury\n> PSC 4410, Box 2231\n> APO AE 09001')).toContain('Tanvir K Chowdhury');
  });
  it('leaves a heading above an address alone', () => {
    expect(names('Head Office\n\n12 Market Street\nDundee')).toEqual([]);
  });
});

describe('person-name detector: lower-case text', () => {
  it('reads a listed given name before an unlisted surname with a surname ending', () => {
    expect(names("we met irina bogdanova's lawyer yesterday")).toEqual(['irina bogdanova']);
  });
});

describe('person-name detector: two family names joined by "and"', () => {
  it('reads both before a verb of people', () => {
    expect(names('Okafor and Lindqvist were both on the call.')).toEqual(['Okafor', 'Lindqvist']);
    expect(names('In the end, Petrenko and Halvorsen agreed on the budget.')).toEqual(['Petrenko', 'Halvorsen']);
  });
  it('leaves firms, departments and tools alone', () => {
    expect(names('Sales and Marketing were merged; Docker and Kubernetes were updated.')).toEqual([]);
    expect(names('Procter and Gamble have results today.')).toEqual([]);
  });
});

describe('person-name detector: a family name before a work or a family', () => {
  it('reads a listed family name after an article before such a noun', () => {
    expect(names('I never finished the Lindqvist novel you lent me.')).toEqual(['Lindqvist']);
    expect(names('We had dinner with the Okafor family on Sunday.')).toEqual(['Okafor']);
  });
  it('leaves reports and cases named after firms or places alone', () => {
    expect(names('See the Gartner report; we reopened the Jordan case.')).toEqual([]);
  });
});

describe('person-name detector: requests that name no person', () => {
  it('leaves subject-style words, departments and products alone', () => {
    expect(names('Update, can you confirm? Invoice, could you resend?')).toEqual([]);
    expect(names('Finance is very strict about receipts. Ask her.')).toEqual([]);
    expect(names('Documentation lives in the wiki. Finance lives on the third floor.')).toEqual([]);
    expect(names('Please add Slack Connect as a user integration.')).toEqual([]);
    expect(names('They named it Project Falcon.')).toEqual([]);
  });
});

describe('person-name detector: unlisted names around a middle initial', () => {
  it('reads them after a word about a person, and the given name again later', () => {
    expect(names('The score was written by Szelma K Varga in 2019.')).toEqual(['Szelma K Varga']);
    expect(names('Ondrej joined in May. He was assistant to Ondrej P. Halasz for a year.')).toEqual(['Ondrej', 'Ondrej P. Halasz']);
  });
  it('leaves plans, vitamins, buildings and products with a letter alone', () => {
    expect(names('Go to Building C Reception with Vitamin D Tablets for Plan B Pricing.')).toEqual([]);
    expect(names('Data stays in Frankfurt; Amazon Q Developer can store prompts.')).toEqual([]);
  });
});

describe('person-name detector: more of what only people do', () => {
  it('reads a nickname after "calls me" and unlisted full names before life events', () => {
    expect(names('My name is Wilhelmina Oduya but everyone calls me Billie.')).toContain('Billie');
    expect(names('Tsegaye Wolderufael married in June and moved to Leeds.')).toEqual(['Tsegaye Wolderufael']);
    expect(names('Ilkka Ruotsalo worked as a nurse before joining us.')).toEqual(['Ilkka Ruotsalo']);
  });
  it('leaves a department that works as something alone', () => {
    expect(names('Marketing works as a hub for the regions.')).toEqual([]);
  });
});

describe('person-name detector: works named after their author', () => {
  it("reads a listed family name before 's and a work", () => {
    expect(names("We read Halvorsen's novel in the book club.")).toEqual(['Halvorsen']);
  });
  it('reads an unlisted given name with a listed family name after an article before a work', () => {
    expect(names('Tickets for a Zoltanek Kowalski concert sold out.')).toEqual(['Zoltanek Kowalski']);
  });
  it('reads the family name again after a full name found after a word about a person', () => {
    expect(names('The cello part was played by Wendelin Okafor. In 2019 Okafor retired.')).toEqual(['Wendelin Okafor', 'Okafor']);
  });
  it("leaves a firm's or a product's report alone", () => {
    expect(names("Read Gartner's report and the Apple Music album list.")).toEqual([]);
  });
});

describe('person-name detector: a list of family names after a label', () => {
  it('reads every item when the list opens with an unlisted one and the others are listed', () => {
    expect(names('Founders: Xiadani, Okafor and Brandt.')).toEqual(['Xiadani', 'Okafor', 'Brandt']);
  });
  it('needs a label about people, and leaves lists of tools alone', () => {
    expect(names('Tags: Zelquor, Python and Docker')).toEqual([]);
    expect(names('Versions: Zelquor, Okafor and Brandt')).not.toContain('Zelquor');
  });
});

describe('person-name detector: the speaker named after a quotation', () => {
  it.each([
    ['"The figures look right to me," says Torvaldsson.', 'Torvaldsson'], // unlisted, with a surname ending
    ['“We will ship on Friday,” said Kowalczyk in the meeting.', 'Kowalczyk'],
    ['"Why now?" asked Okafor.', 'Okafor'], // a listed family name
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });
  it.each([
    '"We need the numbers by Friday," says Finance.', // a department
    '"Revenue rose 4%," says Reuters.', // an agency, no surname ending
    '"Keep it short," says NASA.', // a word in capitals
    'The manual says Settings is the first tab.', // no quotation
    '"Done," said Management, and the meeting ended.',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: the recipient line of an address block', () => {
  it('reads two unlisted words around a middle initial after an address label', () => {
    expect(names('Billing address: Torvald J. Brekkenes\n12 Harbour Road')).toContain('Torvald J. Brekkenes');
    expect(names('Ship to: Ysolde K Marrant\nFlat 2, 9 Mill Lane')).toContain('Ysolde K Marrant');
  });
  it('does not read the parts of a site after an address label', () => {
    expect(names('Delivery address: Building C Reception')).toEqual([]);
    expect(names('Address: Vitamin D Tablets Ltd')).toEqual([]);
  });
  it('reads a titled name before its unit and street on the same line', () => {
    expect(names('Mrs. Ana Ruiz Suite 5, 12 Elm Road')).toContain('Ana Ruiz');
    expect(names('Dr. Ingrid Solheim 14 Rosenhof, Oslo')).toContain('Ingrid Solheim');
  });
  it('leaves a unit word and its number alone without a name', () => {
    expect(names('The Executive Suite 12 is booked for Monday.')).toEqual([]);
    expect(names('Adobe Creative Suite 6 is installed.')).toEqual([]);
  });
});

describe('person-name detector: an unlisted family name with a surname ending before a work', () => {
  it('reads it after "the"', () => {
    expect(names('Unlike the Hrafnkelsson memoir, this one is short.')).toContain('Hrafnkelsson');
    expect(names('We all loved the Wiśniewski recording.')).toContain('Wiśniewski');
  });
  it('leaves words with no surname ending alone', () => {
    expect(names('Open the Lesson book on page 3.')).toEqual([]);
    expect(names('We watched the Quantum film twice.')).toEqual([]);
  });
});

describe('person-name detector: one listed name after "name is" in lower-case text', () => {
  it('reads it when it ends the sentence after a person\'s name', () => {
    expect(names('she moved in 2019. her maiden name is lindqvist')).toContain('lindqvist');
    expect(names('hi, my last name is okafor!')).toContain('okafor');
  });
  it('leaves the names of things alone', () => {
    expect(names('the project name is aurora.')).toEqual([]);
    expect(names('my name is irrelevant here.')).toEqual([]);
  });
});

describe('person-name detector: ordinary text near the quotation, address and work rules', () => {
  it.each([
    '"We expect growth next year," says Ericsson.', // a firm with a surname ending
    '"Revenue fell," said Siemens.', // a firm named after a person
    '"Demand is strong," said Bloomberg.',
    '"Closed as duplicate," said Jira.',
    '"The talks failed," said Rostov.', // a city with a surname ending
    '"Approved," said Moldova.',
  ])('%j: no speaker', (text) => {
    expect(names(text)).toEqual([]);
  });
  it.each([
    'IP address: Router B Primary', // a site after an address label, no street line after it
    'Address: Basement C Storage',
    'Ship to: Main Warehouse',
    'Ship to: Warehouse B Dock',
    'Ship to: Hangar B Maintenance\n12 Harbour Road',
  ])('%j: no recipient', (text) => {
    expect(names(text)).toEqual([]);
  });
  it.each([
    'Mr. Robot Season 2 is out', // a title of a show or a product before a number
    'Dr. Pepper Zero 12 pack',
    'Ms. Marvel Issue 12',
    'Please book Jordan Room 3.', // a meeting room named after someone, no full name
  ])('%j: no titled name', (text) => {
    expect(names(text)).toEqual([]);
  });
  it.each([
    'We loved the Nebraska album.', // places and firms with a person-only ending
    'We watched the Alaska film last night.',
    'We loved the Ericsson family of routers.',
    'We sampled the Whisky book club.',
    'We watched the Marvel film.', // pre-existing: a studio
    'I bought the Geneva book.', // pre-existing: a city
  ])('%j: no family name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: one unlisted word named as a person by the words around it', () => {
  it.each([
    ['Everyone at school calls me Oskarek', 'Oskarek'],
    ['They named her Wiebke after her aunt.', 'Wiebke'],
    ['Please add my son Teodoryk to the policy.', 'Teodoryk'],
    ['Her husband Radomił will pick it up.', 'Radomił'],
    ['Zbyszko lives at 14 Orchard Lane with his dog.', 'Zbyszko'],
    ['Marizel lives on Kalinowa 8 now.', 'Marizel'],
    ['Ottoline is so thoughtful. Everyone likes to work with her.', 'Ottoline'],
    ['Brunhold is a very patient man.', 'Brunhold'],
    ['Szymborek began writing poems at nine.', 'Szymborek'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });
  it.each([
    'Documentation is very thorough. It helps him a lot.', // the pronoun is no object of caring
    'Support is always quick to reply.',
    'Backup lives in the cloud now.', // no address
    'Our dog Biscuit chewed the cable.', // a pet, not a relative
    'The app calls me Tuesday at noon.', // a day
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: names in quoted blocks, transcripts and lower-case blocks', () => {
  it('reads the name line of a block quoted without a blank after ">"', () => {
    expect(names('>Ingrid Solheim\n>Nordlys AS\n>Ingrid Solheim\n>14 Fjordgata 3\n>Bergen')).toEqual(['Ingrid Solheim', 'Ingrid Solheim']);
  });
  it('does not read a word after an arrow or a tag', () => {
    expect(names('Settings ->Advanced Options then =>Save Changes')).toEqual([]);
    expect(names('<b>Quarterly Report</b>')).toEqual([]);
  });
  it('reads a speaker label with a quotation right after the colon, and one listed speaker on two lines', () => {
    expect(names('Oliver: "Where were you?"\nOliver:"Out."')).toEqual(['Oliver', 'Oliver']);
  });
  it('leaves a field repeated on two lines alone', () => {
    expect(names('Status: open\nStatus: closed')).toEqual([]);
  });
  it('reads "her maiden name is" before a name that is also a word', () => {
    expect(names('Her maiden name is Wood')).toContain('Wood');
    expect(names('The project name is Wood')).toEqual([]);
  });
  it('reads lower-case names with a middle initial, and a lower-case name alone on the first line of a block', () => {
    expect(names('please loop in maria j lindqvist on this')).toContain('maria j lindqvist');
    expect(names('henrik larsen\nnordvik shipping\n12 harbour road')).toContain('henrik larsen');
  });
  it('leaves lower-case words around a single letter alone', () => {
    expect(names('we can go with plan b instead')).toEqual([]);
    expect(names('vitamin d levels\nwere fine')).toEqual([]);
  });
});

describe('person-name detector: "to" before a person, Nordic and Finnish surname endings', () => {
  it.each([
    ['She was the assistant to Halvard Mikkelsen for a year.', 'Halvard Mikkelsen'],
    ['He was married to Oona Kettunen until 1990.', 'Oona Kettunen'],
    ['Our new hire is Tuomas Heikkinen from the Oulu office.', 'Tuomas Heikkinen'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });
  it.each([
    'We moved the office to Lower Essen last spring.', // a place after "to"
    'Flights to Bad Essen are cheap.',
    'The Chosen Ones tour starts Friday.',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: role nouns, tributes, speech tags, traits and lower-case titles', () => {
  it.each([
    // a role noun right before a full name
    ['The club confirmed that goalkeeper Jonas Brightwater will miss the final.', 'Jonas Brightwater'],
    ['Last night drummer Ingrid Moltke played her final show.', 'Ingrid Moltke'],
    // a role noun before two words the lists do not know, in the sentence or heading it
    ['The federation suspended sprinter Ozanne Kyvelakou-Brie for a year.', 'Ozanne Kyvelakou-Brie'],
    ['Novelist Thibaud Marquenne signed copies all afternoon.', 'Thibaud Marquenne'],
    // German "-mann" and South Slavic "-ić" family names
    ['Our new colleague Sabine Oberheidemann starts on Monday.', 'Sabine Oberheidemann'],
    ['We interviewed Dragana Lukačić about the bridge project.', 'Dragana Lukačić'],
    // the recipient of a tribute or a dedication is a person, not a place
    ['The album closes with a tribute to Halvard Lindqvist, who taught them to play.', 'Halvard Lindqvist'],
    // an exclamation or a question, a verb of saying, then the speaker and the listener
    ['What a mess! said Oksenberg to Lucia, and left.', 'Lucia'],
    ['Is it raining? asked Szczepanski in the hallway.', 'Szczepanski'],
    // a name line over a blank line and an address, the family name known by its ending
    ['Tamerlan Umarovsky\n\n12 Birch Lane\nLeeds', 'Tamerlan Umarovsky'],
    // a full name between an article and a work, the family name known by its ending
    ['We went to a Ragnar Thorvaldsson concert last spring.', 'Ragnar Thorvaldsson'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it('reads one word described by a trait of character', () => {
    expect(names('Why is Zebulonia always so stubborn about the rota?')).toEqual(['Zebulonia']);
    expect(names('Honestly, Tamsinka is too impulsive for that job.')).toEqual(['Tamsinka']);
  });

  it('reads a given name that is also a word when it is called out at the end of a sentence', () => {
    expect(names("Stop worrying about the rain, Mark!")).toEqual(['Mark']);
    expect(names('Are you coming along, Grace?')).toEqual(['Grace']);
  });

  it('reads a given name at a sentence start before "is from"', () => {
    expect(names('Friederike is from the Vienna office.')).toContain('Friederike');
  });

  it('reads lower-case lists of given names, and a lower-case title before a name', () => {
    expect(names('the twins invited five friends: maya, omar, lena, tomas and priya.')).toEqual(['maya', 'omar', 'lena', 'tomas', 'priya']);
    expect(names('we met mr. elliott at the station on friday')).toEqual(['elliott']);
    expect(names('dr okafor will see you at noon')).toEqual(['okafor']);
  });

  it.each([
    // things, firms and places with the same shapes stay quiet
    'Why is the Release Pipeline so slow today?',
    'Why is Jenkins so stubborn about this build?',
    'The dashboard is so polite in its error messages.',
    'What a game! said the commentator, and the crowd cheered.',
    'Welcome to the show, Everyone!',
    'Hello, World!',
    'Open the file in the editor Visual Studio Code.',
    'Book the coach Trip Planner for the airport run.',
    'The Arsenal striker Manchester United wanted stayed in London.',
    'Our producer Warner Bros released it.',
    'A tribute to New York City opened at the museum.',
    'we bought eggs, milk, bread, butter and cheese.',
    'the options are red, green, blue and yellow.',
    'mr. clean and mr. muscle are cleaning products.',
    'Sales Office\n\n12 Birch Lane\nLeeds',
    'We went to a Bertelsmann investor day and a concert.',
  ])('%j -> nothing', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: a listed word named as a person is that person again', () => {
  it('reads the same word later in the text', () => {
    expect(names('Lindqvist smiled at the joke. The team then asked about Lindqvist during lunch.')).toEqual(['Lindqvist', 'Lindqvist']);
  });
  it('leaves the word alone when nothing named it as a person', () => {
    expect(names('The team asked about Lindqvist during lunch.')).toEqual([]);
  });
});

describe('person-name detector: people named by giving, speaking and meeting, listed or not', () => {
  it.each([
    ['Thessaly had given Quorvin his spare keys before the trip.', ['Thessaly', 'Quorvin']],
    ['"Not again!" said Vardegast to Ilvie.', ['Vardegast', 'Ilvie']],
    ['Please follow up with Tavish Ondrejko next week.', ['Tavish Ondrejko']],
    ['I met with Brennagh Oyelaran-Puig on Friday.', ['Brennagh Oyelaran-Puig']],
  ])('%j -> %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
  it.each([
    'Please talk to Human Resources about your leave.',
    'We met with Acme Robotics yesterday.',
    'Follow up with Accounts Payable about the invoice.',
    'The Board had given Finance their budget for the year.',
    'The scheduler had given Build their slot.',
    'Follow up with Microsoft Teams support.',
  ])('%j -> nothing', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: two or three words heading an address block', () => {
  it('reads them as the addressee whatever the lists say', () => {
    expect(names('Quillon Vestabrook\n\n14 Birch Lane\nLeeds LS1 4AB')).toEqual(['Quillon Vestabrook']);
    expect(names('> Quillon Vestabrook\n> Northwind Traders\n> 14 Birch Lane')).toContain('Quillon Vestabrook');
  });
  it.each([
    'Billing Address\n14 Birch Lane\nLeeds LS1 4AB',
    'Harbour View\n14 Birch Lane\nLeeds LS1 4AB',
    'Rosewood Cottage\n14 Birch Lane\nLeeds LS1 4AB',
    'Head Office\n14 Birch Lane\nLeeds LS1 4AB',
    'Please send it here.\nQuillon Vestabrook\nNorthwind Traders',
  ])('%j -> nothing', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: Icelandic names', () => {
  it.each([
    ['Please send the contract to Guðmundur Sigurðsson today.', 'Guðmundur Sigurðsson'],
    ['Hrafnhildur Gísladóttir said it was fine.', 'Hrafnhildur Gísladóttir'],
    ['The minutes were taken by Þórunn Bragadóttir.', 'Þórunn Bragadóttir'],
    ['Einarsdóttir and Sigurðsson were both on the call.', 'Sigurðsson'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });
  it('leaves Icelandic places and words alone', () => {
    expect(names('We drove from Reykjavík to Akureyri along the Ring Road.')).toEqual([]);
  });
});

describe('person-name detector: a giver and a receiver in lower-case text', () => {
  it('reads both when one of them is a listed name', () => {
    expect(names('ingrid had given tavish his spare keys.')).toEqual(['ingrid', 'tavish']);
  });
  it.each(['sales had given marketing their numbers.', 'he had given him his keys.', 'mom had given dad her car.'])('%j -> nothing', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: names in team notes, chats, lists and letters', () => {
  it('reads a hyphenated given name whose parts are both names', () => {
    expect(names('- Maribel Osorio + Hui-Min Huang pairing on the import job')).toContain('Hui-Min Huang');
    expect(names('Our new supplier is Rolls-Royce Holdings in Derby.')).toEqual([]);
  });
  it('reads a Gaelic particle between a given and a family name', () => {
    expect(names('- Siobhan Nic Dhonnchadha is away until Monday')).toEqual(['Siobhan Nic Dhonnchadha']);
    expect(names('The Ní Dhomhnaill Building opens in May.')).toEqual([]);
  });
  it('reads the speaker of a chat again when named alone', () => {
    const chat = '[10:02] Lindiwe Mokoena: morning all\n[10:04] Okonkwo Eze: hi. Lindiwe can you resend the file?\n[10:05] Lindiwe Mokoena: done';
    expect(names(chat).filter((n) => n === 'Lindiwe')).toHaveLength(1);
  });
  it('reads the lines of a "Name - note" list headed by names', () => {
    const list = 'Dietary needs:\nTeresa Lindqvist - halal\nOmar Haddad - none\nLiu Yang - vegetarian\nKofi - none\nMarta Kowalczyk - vegan';
    expect(names(list)).toEqual(expect.arrayContaining(['Liu Yang', 'Kofi']));
    expect(names('Glossary:\nKubernetes - container orchestration\nTerraform - infrastructure as code\nGrafana - dashboards\nVault - secrets')).toEqual([]);
  });
  it('reads people after a label with a participle, and labels in other languages', () => {
    expect(names('Staff present: Eimear Lynch, Kwame Mensah')).toEqual(expect.arrayContaining(['Eimear Lynch', 'Kwame Mensah']));
    expect(names('Titular: Ander Goikoetxea Arrieta\nNIF: 00000000T')).toEqual(['Ander Goikoetxea Arrieta']);
    expect(names('Items listed: Project Plan, Budget Review')).toEqual([]);
  });
  it('reads people named after a word for people and "including"', () => {
    expect(names('She coached several interns including Tobias and Ines on the API.')).toEqual(['Tobias', 'Ines']);
    expect(names('We support many languages including Spanish and Polish.')).toEqual([]);
    expect(names('Our team uses tools such as Jira and Confluence.')).toEqual([]);
  });
  it('reads a caller introducing themselves', () => {
    expect(names('Hi it\'s Dafydd from Severn Roofing, about Tuesday')).toEqual(['Dafydd']);
    expect(names('Morning, Brendan here from Harbour Electrical. Can do Friday.')).toEqual(['Brendan']);
    expect(names('Hi, this is Support from Acme about your ticket.')).toEqual([]);
    expect(names('It is Friday from now on.')).toEqual([]);
  });
  it('reads an initial and a family name after a title, and no practice after it', () => {
    expect(names('Signed,\nDr K. Oyelowo, Riverside Medical Practice')).toEqual(['K. Oyelowo']);
  });
  it('reads no name in a grade after a title, or a job after a name', () => {
    expect(names('3) Ikenna Obi – Sr Eng → Staff Eng')).toEqual(['Ikenna Obi']);
    expect(names('Employee: Malia Tupou, Accounts Clerk\nTeam: Payroll')).toEqual(['Malia Tupou']);
    expect(names('Please ask Sr Okafor to sign.')).toEqual(['Okafor']);
  });
  it('reads a name between commas before a verb of telling', () => {
    expect(names('One of my tenants, Farid Rahimi, just told me the boiler is broken.')).toEqual(['Farid Rahimi']);
    expect(names('In the end, Blue Harbour, said the report, was sold.')).toEqual([]);
  });
  it('reads an everyday word that is a given name before what someone said or did', () => {
    expect(names('Will someone book the room? Will said he would.')).toEqual(['Will']);
    expect(names('Minutes\n3. Grant raised the parking issue again.')).toEqual(['Grant']);
    expect(names('Bill is due on Friday. Will you pay it?')).toEqual([]);
  });
  it('reads Chinese and Korean names written family name first, and a name before a Japanese honorific', () => {
    expect(names('Please ask Zhang Xiuying to courier the contract.')).toEqual(['Zhang Xiuying']);
    expect(names('I had a call with Park Ji-woo about volumes.')).toEqual(['Park Ji-woo']);
    expect(names('We met Severn Roofing at Park Hyatt; ha-ha, Ha-ha.')).toEqual([]);
    expect(names('Ji-woo asked about Q3 volumes; Sato-san will follow up.')).toEqual(['Sato']);
  });
  it('reads the sender after a sign-off of another language, in any script', () => {
    expect(names('Ciao,\nti giro il contatto.\nUn abbraccio,\nMatteo')).toEqual(['Matteo']);
    expect(names('Прошу согласовать командировку.\nС уважением,\nИрина Ковальчук')).toEqual(['Ирина Ковальчук']);
  });
  it('reads one word after a sign-off and its comma, listed or not, in any script', () => {
    expect(names("Hi Mrs Okoro, she has an ear infection. Thanks, Chidi (Amara's dad)")).toEqual(['Okoro', 'Chidi', 'Amara']);
    expect(names('Το τηλέφωνό του είναι στο email.\nΕυχαριστώ, Δήμητρα')).toEqual(['Δήμητρα']);
    expect(names('Καλησπέρα Νίκο,\nο κ. Γιώργος Αντωνίου ζήτησε το συμβόλαιο.')).toEqual(['Νίκο', 'Γιώργος Αντωνίου']);
    expect(names('Great work on this. Thanks, Everyone')).toEqual([]);
  });
  it('reads a family name with its particles after a title, and titles of more languages', () => {
    expect(names('Kun je de offerte naar meneer van der Berg sturen?')).toEqual(['van der Berg']);
    expect(names('Please send it to Mr. de Vries today.')).toEqual(['de Vries']);
    expect(names('Dobrý den paní Horáková,\nposílám údaje.')).toEqual(['Horáková']);
  });
  it('reads two unlisted words that an e-mail address nearby spells', () => {
    expect(names('Please introduce Noa to Dariush Farahani at the Toronto office; Dariush is on d.farahani@heliostack.io.'))
      .toEqual(expect.arrayContaining(['Dariush Farahani']));
    expect(names('Route it to Blue Harbour via blue.harbour@shipping.io please.')).toEqual([]);
  });
  it('reads people after more labels of a grievance or a case', () => {
    expect(names('Complainant: Bethany Clarke\nWitnesses: Precious Moyo, Emmanuel Boateng')).toEqual(['Bethany Clarke', 'Precious Moyo', 'Emmanuel Boateng']);
  });
  it('reads the sender closing a letter without a sign-off word', () => {
    expect(names("Hi Tom,\nJust a heads-up about the rota. Please don't share beyond HR.\nJess")).toEqual(['Tom', 'Jess']);
    expect(names("Dear Rachel, I won't be in tomorrow. I'll check emails from home when I can. Bill")).toEqual(['Rachel', 'Bill']);
    expect(names('The release is out. Please review the notes.\nMonday')).toEqual([]);
    expect(names('Hi team, the release is out. Thanks')).toEqual([]);
  });
  it('reads names in Japanese, Chinese, Korean and Thai script by their honorifics', () => {
    expect(names('田中さんに連絡してください。')).toEqual(['田中']);
    expect(names('请把合同发给王先生。')).toEqual(['王']);
    expect(names('김민준 님께 전달해 주세요.')).toEqual(['김민준']);
    expect(names('คุณสมชาย โทรมาเมื่อวาน')).toEqual(['สมชาย']);
    expect(names('皆さん、こんにちは。고객님 감사합니다. 선생님께 여쭤보세요.')).toEqual([]);
  });
  it('reads a Japanese name with its given name before a title, not a place before a branch manager or a clan in history', () => {
    expect(names('配布先：佐藤 由美 取締役、中村 誠 部長、小林 さくら 課長')).toEqual(['佐藤 由美', '中村 誠', '小林 さくら']);
    expect(names('千葉支店長から連絡がありました。松本店長が来ます。武田氏は甲斐国を支配した戦国大名である。')).toEqual([]);
  });
  it('reads no Korean word before a job title as a name (마케팅 팀장, 정규직 사원, 금요일 이사)', () => {
    expect(names('마케팅 팀장은 회의에 참석합니다. 정규직 사원 채용 공고. 금요일 이사 예정입니다. 이번주 과장님 회의.')).toEqual([]);
  });
  it("reads a chat's authors written family name first ('Nguyen, Linh 09:02'), and a bare Name column beside a given name's as the family name", () => {
    expect(names('Nguyen, Linh 09:02\nmorning! the supplier called\nde Boer, Femke 09:03\nwhich one?')).toEqual(['Nguyen, Linh', 'de Boer, Femke']);
    expect(names('Revenue, Total 10:00\nsee above\nSales, Europe 11:00\nok')).toEqual([]);
    expect(names('Austin, Texas 10:00\nkeynote\nMadison, Wisconsin 11:00\nlunch')).toEqual([]);
    // (an acronym under the family name's column is none)
    expect(names('Name,Vorname,Abteilung\nIT,Server,Rechenzentrum\nHR,Portal,Intranet').filter((n) => n === 'IT' || n === 'HR')).toEqual([]);
    expect(names('Name;Vorname;Geburtsdatum\nMeier;Reto;12.08.1980\nBühler;Sandra;03.11.1975')).toEqual(['Meier', 'Reto', 'Bühler', 'Sandra']);
    expect(names('Nume,Prenume,Telefon\nDumitrescu,Vasile,0744 102 330')).toEqual(['Dumitrescu', 'Vasile']);
  });
  it('reads a name after a title in Arabic, Hebrew and Hindi, an Arabic or Hebrew sender after a sign-off, a Chinese salutation and a WeChat author', () => {
    expect(names('الأستاذة نورة الشمري المحترمة،\nالسلام عليكم')).toEqual(['نورة الشمري']);
    expect(names('مع التحية،\nخالد المطيري\nالموارد البشرية')).toEqual(['خالد المطيري']);
    expect(names('ביקורת בעוד 8 שבועות.\nד"ר רונית אלמוג')).toEqual(['רונית אלמוג']);
    expect(names('डॉ. अनिल गुप्ता, एम.डी.\nमरीज़: श्रीमती कमला देवी, उम्र 63 वर्ष')).toEqual(['अनिल गुप्ता', 'कमला देवी']);
    expect(names('नमस्ते सुनीता जी,\nनई नियुक्ति')).toEqual(['सुनीता']);
    expect(names('主题：关于员工病假延长的说明\n\n陈静经理：\n\n技术部')).toEqual(['陈静']);
    expect(names('王哥，资料我发你了吗？\n王建国 2024-06-03 20:15\n还没收到')).toEqual(['王建国']);
    // (not a preposition, a department or a team after the title or the sign-off; not a job alone before a colon)
    expect(names('بالتعاون مع الدكتور في المستشفى.\nمع التحية،\nقسم الموارد البشرية')).toEqual([]);
    expect(names('בברכה,\nצוות התמיכה')).toEqual([]);
    expect(names('项目经理：请确认\n会议 2024-06-03 20:15')).toEqual([]);
  });
  it('reads a Japanese or Chinese family name before a job title', () => {
    expect(names('高橋部長に確認しました。佐藤課長と鈴木部長も了解です。')).toEqual(['高橋', '佐藤', '鈴木']);
    expect(names('我跟张总说了，王经理也同意。陳經理明天到。李主任、陈老师。')).toEqual(['张', '王', '陳', '李', '陈']);
    // a department's head, a word ending in a family name's character, 总 as "total" or "always"
    expect(names('営業部長の会議は明日。青森支店長から連絡。')).toEqual([]);
    expect(names('向总部汇报，金总额为100万。为何总是这样？基金经理和工程经理，我的历史老师，对方律师，主任医生。')).toEqual([]);
    expect(names('如有问题，请向经理汇报。2019年起，任主任医师。')).toEqual([]);
  });
  it('reads no person in what a review of this round found (firms, headers, places, departments, titles in other scripts)', () => {
    expect(names('Customer,Region,Revenue\nAcme Corp,EMEA,1200\nGlobex Ltd,APAC,900\nJordan Trading,EMEA,5')).toEqual([]);
    expect(names('Prepared by Michael Price\n\nItem,Price,Qty\nRed, Amber, Green')).toEqual(['Michael Price']);
    expect(names('Georgia raised its interest rate. Jordan confirmed the ceasefire. Victoria confirmed 5 new cases.')).toEqual([]);
    expect(names('ご担当者様、いつもお世話になっております。尊敬的女士/先生：사용자님 부사장님. สินค้ามีคุณภาพดี นายจ้างต้องจ่าย')).toEqual([]);
    expect(names('Thanks, Finance\n\nBest, Zendesk\n\nС уважением, Бухгалтерия')).toEqual([]);
    expect(names('Reviewed by Priya Patel (QA), Release Candidate and Hotfix Branch.')).toEqual(['Priya Patel']);
    expect(names('Ask Deploy-kun and Data-san.')).toEqual([]);
    expect(names('Hi,\nsee the checklist.\nApproved')).toEqual([]);
  });
  it('reads names a review found missed: a verb opening the sentence, titles of other scripts', () => {
    expect(names('Ask Huang Jianping for the figures.')).toEqual(['Huang Jianping']);
    expect(names('г-н Иванов подписал договор.')).toEqual(['Иванов']);
    expect(names('ο κ. Παπαδόπουλος ζήτησε το συμβόλαιο.')).toEqual(['Παπαδόπουλος']);
    expect(names('Email Support Team now. Call Center hours are 9-5.')).toEqual([]);
  });
  it('reads a chat typed in lower case with a capital or two inside', () => {
    expect(names("ok update: sven and aylin are doing the migration tonight, joão is on call. if it breaks page kofi not me lol. kofi's laptop has the cert. also ping QA"))
      .toEqual(['sven', 'aylin', 'joão', 'kofi', 'kofi']);
    expect(names('will is running late, tell bill to start without him. art has the slides')).toEqual(['will', 'bill']);
    expect(names("ugh dave's off again. also the build is red")).toEqual(['dave']);
  });
  it('reads no everyday word in lower-case chat without a cue only people have', () => {
    expect(names('mark is on the calendar. also summer is on its way. hope is on the horizon.')).toEqual([]);
    expect(names('ok so the deploy is late. ping the team to check. will is a verb here. tell support to rebase')).toEqual([]);
  });
  it('reads no person in places named like people or after people', () => {
    expect(names('Write a paragraph comparing the climates of Florence, Victoria, Charlotte, Austin, Jackson and Madison.')).toEqual([]);
    expect(names('We want to see Stanley Park, Granville Island and Lynn Canyon.')).toEqual([]);
  });
  it('reads on through a list of names after a role in brackets', () => {
    expect(names('Present: Kim Min-jun (BD lead), Park Ji-woo, Lee Seo-yeon, and from our side Haruto Sato.\nJi-woo asked about Q3.'))
      .toEqual(['Kim Min-jun', 'Park Ji-woo', 'Lee Seo-yeon', 'Haruto Sato', 'Ji-woo']);
  });
  it('reads an English word again as the name it was seen in, only where a word cannot be', () => {
    expect(names('Present: Rosalind Hart, Grant Fischer\nKowalski to circulate the audit; Hart to chase the contractor. Grant raised the parking issue.'))
      .toEqual(['Rosalind Hart', 'Grant Fischer', 'Hart', 'Grant']);
    expect(names('Present: Rosalind Hart, Grant Fischer\nWe applied for the Grant in May. Harry Hart wrote it.')).toEqual(['Rosalind Hart', 'Grant Fischer', 'Harry Hart']);
  });
});

describe('person-name detector: a title inside a run of capitalised words, @-mentions', () => {
  it.each([
    ['As Dr Smith said, we wait.', 'Smith'],
    ["Per Dr Okonkwo's note, the shift moves.", 'Okonkwo'],
    ['As Prof Adeyemi Bankole noted, the data is late.', 'Adeyemi Bankole'],
    ['cc @Ngozi and @priya on this', 'Ngozi'],
    ['cc @Ngozi and @priya on this', 'priya'],
    ['@will can you check the numbers?', 'will'],
    ['ping @maria.keller about the invoice', 'maria.keller'],
    ['Thanks @Priya Sharma for the review', 'Priya Sharma'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    'Little Miss Sunshine is on tonight.',
    '@Override\npublic void run() {}',
    '  @Max(5)\n  private int n;',
    '/**\n * @param grace the period\n */',
    '@param grace the period in days',
    "import { Component } from '@angular/core';",
    'write to ana@example.com',
    '@here standup in 5',
    '@Bean public Foo foo() { return new Foo(); }',
    '@Jenkins please rerun the build',
    '@Slackbot remind me at 5',
    'Fixed the parser (#433) @Quentin01',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: asked, signed, stamped, titled in more languages, and in another script after the name', () => {
  it.each([
    ['Ask Solveig before moving anyone between countries.', 'Solveig'],
    ['[09:18] Priya: ask Hiroshi about the pricing sheet', 'Hiroshi'],
    ['Bitte seine Tickets an Merve oder an Herrn Kowalski geben.', 'Kowalski'],
    ['Zastępstwo obejmie Pan Grzegorz Lewandowski, a dokumenty przekaże Kasia.', 'Grzegorz Lewandowski'],
    ['Beste dokter Visser,\n\nOnze medewerker is ziek.', 'Visser'],
    ['Can we meet next week?\n\nBien à toi,\nNathalie', 'Nathalie'],
    ['Is that OK?\n\nCheers,\nOwain', 'Owain'],
    ['[Yesterday 16:42] Siriporn Chaiyaphum: the payroll file is ready\n[Yesterday 16:45] Anan Wongsakul: thanks, send it on', 'Anan Wongsakul'],
    ['Name: Wu Jiahui (吴佳慧)\nResident ID: pending', '吴佳慧'],
    ['| Takahashi Yuki (高橋 由紀) | Country lead |', '高橋 由紀'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    'Ask Jeeves about it',
    'Ask Siri to set a timer',
    'Pan Am flight 103 left late.',
    'Leave the chicken in the pan. Add the paprika.',
    'Thanks,\nFinance',
    'Kind regards,\nManagement',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: given names in lower-case chat', () => {
  it.each([
    ['hey can u loop in ana and joão on the invoice thread?', 'ana'],
    ['hey can u loop in ana and joão on the invoice thread?', 'joão'],
    ['also raj from finance said he never got the po.', 'raj'],
    ['can hamza cover my 2pm with the client?', 'hamza'],
    ['he takes credit in front of our manager (deborah). last week', 'deborah'],
    ['i have screenshots where adebola confirms i sent the file first', 'adebola'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each(['can you check this? will do', 'can summer start earlier this year?'])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: placeholders, dishes, firms, streets and job titles named like people', () => {
  it.each([
    'Feld 1 (Name): z. B. Max Mustermann',
    'Example of a completed salutation: "Dear Jane Doe".',
    '- 40 x Caesar salad boxes\n- 25 x Beef Wellington (mini)\n- 30 x Eggs Benedict on brioche\n- 20 x Margherita pizza slices\n- Earl Grey and Darjeeling tea',
    'spaghetti alla carbonara oppure fettuccine Alfredo',
    'In autos, Ferrari and Porsche both raised their outlooks.',
    'Market update: Estée Lauder shares fell 4% after guidance was cut.',
    'Z Dworca Centralnego idź aleją Jana Pawła II w kierunku ronda ONZ.',
    'tidak jauh dari Jalan M.H. Thamrin dan Jalan Gatot Subroto.',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('keeps the name and leaves out the job title after it', () => {
    expect(names('Yours sincerely,\nDr Priyanka Raghunathan, Consultant Old Age Psychiatrist')).toEqual(['Priyanka Raghunathan']);
    expect(names('Caesar Chavez met Ana Ruiz in Delano.')).toEqual(['Caesar Chavez', 'Ana Ruiz']);
  });
});

describe("person-name detector: the other items of a line's list of people", () => {
  it.each([
    ['Present: Dr Okonkwo, Ms. Nakagawa, Rui, Tamsin (notes), Kwabena', 'Tamsin'],
    ["Présents : Mme Rousseau, M. N'Diaye, Mme Nguyen, Sébastien (SI)", "N'Diaye"],
    ['Kowalczyk, Zieliński and Nowak attended in person; Horváth and Novák joined online.', 'Zieliński'],
    ['Kowalczyk, Zieliński and Nowak attended in person; Horváth and Novák joined online.\nLater Nowak raised concerns.', 'Nowak'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it('leaves places and unlisted words of an unlabelled line alone', () => {
    expect(names('Ana Ruiz and Tom Berg visited London, Paris and Berlin.')).toEqual(['Ana Ruiz', 'Tom Berg']);
    expect(names('Ana Ruiz, Tom Berg, Globex and Initech signed the contract.')).toEqual(['Ana Ruiz', 'Tom Berg']);
  });
});

describe('person-name detector: what a review of the new rules broke', () => {
  it.each([
    'create(@Valid @RequestBody User user)',
    'Just add @Transactional @Override on the method.',
    'Lombok: @Data @Builder @Getter',
    'use @staticmethod or @classmethod',
    'Follow us on Twitter @Nike and @Adidas',
    'Kind regards,\nVodafone',
    'Thanks,\nHelpdesk',
    'will ivy damage brick walls?',
    'can victoria station be reached by tube?',
    'Ask Dallas about the delay.',
    'Welcome To Dr Martens Official Store',
    'Pan Fried Sea Bass with Lemon Butter',
    '[Mon 09:00] Project Kickoff: room 3\n[Tue 14:00] Budget Planning: finance team',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ["@Priya let me know when it's done", 'Priya'],
    ['@Ngozi\ncan you check the invoice?', 'Ngozi'],
    ["@Ngozi's PR is merged", 'Ngozi'],
    ['Team Lead Dr Maria Keller presented.', 'Maria Keller'],
    ['Thanks,\r\nOwain\r\n', 'Owain'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });
});

describe('person-name detector: a name after a role, in brackets after a team, after thanks and an adverb', () => {
  it.each([
    ['Her line manager Kipchoge has been told only that she is on leave.', 'Kipchoge'],
    ['Ms. Jefferson-Reid says the technician (Marco) missed two appointments.', 'Marco'],
    ['what should I tell HR (Gemma)?', 'Gemma'],
    ['@channel heads up: Yusuf accidentally committed the Slack bot token.', 'Yusuf'],
    ['Thanks to Małgorzata for catching it in code review.', 'Małgorzata'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each(['Thanks to Google for the grant.', 'Note: Jordan recently joined the alliance.', 'the project manager Jenkins pipeline failed'])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: names in Cyrillic and Greek letters, exact name lists on English words', () => {
  it.each([
    ['Ответственный: Ольга Смирнова', 'Ольга Смирнова'],
    ['Сергей Иванов подготовит отчёт.', 'Сергей Иванов'],
    ['Ο Γιώργος Παπαδόπουλος θα στείλει την αναφορά.', 'Γιώργος Παπαδόπουλος'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    'Please report them to the Microsoft Security Response Center (MSRC).',
    '| Name | Type |\n|------|------|\n| addEndListener | `function` |\n| challengePassword | `string` |',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: menus, firms first, institutions and possessives of other languages', () => {
  it.each([
    'Proposta menu:\nAntipasto: carpaccio di manzo con rucola\nPrimo: spaghetti alla carbonara\nSecondo: saltimbocca alla romana',
    '- Siemens Healthineers dominates imaging.',
    '- Export to Jasper Reports and Crystal Reports templates.',
    'Gerente de Cuentas | Grupo Andino Logística',
    'We bank with ING Direct.',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('keeps the names around them', () => {
    expect(names('Till HR: Vår medarbetare Johan Pettersson har')).toEqual(['Johan Pettersson']);
    expect(names('Ospiti: Alessandro Bruni (CFO), Ing. Chiara Esposito (Studio Esposito)')).toEqual(['Alessandro Bruni', 'Chiara Esposito']);
  });
});

describe('person-name detector: a given name after something sent to them, a message from them, thanks in other languages', () => {
  it.each([
    ['Please send it to Chidi.', ['Chidi']],
    ['Forward the signed contract to Ngozi tomorrow.', ['Ngozi']],
    ['Pass it on to Kwabena when he is back.', ['Kwabena']],
    ['Hand the keys over to Matteo.', ['Matteo']],
    ['Reply from Wojciech: approved.', ['Wojciech']],
    ['Feedback from Dagmar was positive.', ['Dagmar']],
    ['According to Siobhán the shipment is late.', ['Siobhán']],
    ['Danke an Jürgen für die Hilfe.', ['Jürgen']],
    ['Grazie mille a Giulia per il supporto.', ['Giulia']],
    ['Gracias a Lucía por su ayuda.', ['Lucía']],
    ['Ευχαριστώ τον Γιώργο Παπαδόπουλο.', ['Γιώργο Παπαδόπουλο']],
    // thanks and forms of address are not part of the name
    ['Дякую Олені Коваленко за допомогу.', ['Олені Коваленко']],
    ['Terima kasih Pak Budi Santoso.', ['Budi Santoso']],
    ['Teşekkürler Elif Hanım.', ['Elif']],
    // a rarer given name at a sentence start before what a person says or does, or after "with"
    ['Chidi said the build is green.', ['Chidi']],
    ['Chidi will send the slides.', ['Chidi']],
    ["Chidi's laptop is broken.", ['Chidi']],
    ['Kofi and I reviewed the budget.', ['Kofi']],
    ['Me and Chidi will handle it.', ['Chidi']],
    ['I had lunch with Chidi yesterday.', ['Chidi']],
    ['Ich habe mit Jürgen gesprochen.', ['Jürgen']],
    ['He ha hablado con Iñaki esta mañana.', ['Iñaki']],
    // a given name at the start of a sentence or a clause of another language, before a word in small letters; a rarer one called
    ['Das Protokoll liegt im Ordner, Lena weiß Bescheid.', ['Lena']],
    ['Pour les dossiers en cours : Mehdi peut reprendre le client.', ['Mehdi']],
    ['Hij wil thuis werken; Sanne weet ervan.', ['Sanne']],
    ['Deepa, can you check the SIM?', ['Deepa']],
    // after a title in the case the sentence puts it in
    ['Rozmawiałem z panem Kowalskim o fakturze.', ['Kowalskim']],
    ['Proszę przekazać panu Nowakowi dokumenty.', ['Nowakowi']],
    ['Mluvil jsem s panem Dvořákem.', ['Dvořákem']],
    ['Передайте господину Смирнову отчёт.', ['Смирнову']],
  ])('%j -> %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'Send it to Paris by Friday.',
    'Send it to Kenya.',
    'We got an update from Jordan on the border.',
    'Forward the logs to Loki.',
    'Send the report to Prisma',
    'Migrated from Deno to Node.',
    'I sent the invoice to Amazon.',
    'Send the draft to Legal.',
    'Thanks a Million!',
    'Merci à Orange pour le réseau.',
    'I went to Lagos.',
    'Works with Zapier and Deno.',
    'Integrates with Kubernetes.',
    'Prisma will generate the client.',
    'Georgia and I went hiking.',
    'Panem et circenses.',
    'Nada mais havendo a tratar, foi encerrada a reunião.',
    'Asunto: Alta de suministro.',
    'Vid problem, skapa ett ärende.',
    'Max number of retries before the job fails.',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: chat logs copied in more formats, and speakers named again in lower case', () => {
  it('reads the author, the time and the message on one line, handles too', () => {
    const text = 'raj.patel  09:12  build is red again\nIngrid Solberg  09:14  raj can you paste the error?\nraj.patel  09:15  sure, one sec';
    expect(names(text)).toEqual(['raj.patel', 'Ingrid Solberg', 'raj', 'raj.patel']);
  });

  it('reads French speakers with a blank before the colon, stamps with a day and a month but no year, and a handle after a day', () => {
    expect(names('09:02 Anaïs Roussel : tu as vu le ticket ?\n09:03 Bastien Caron : oui, anaïs, je regarde')).toEqual(['Anaïs Roussel', 'Bastien Caron', 'anaïs']);
    expect(names('[03/11 08:15] Tran Van Minh: server down?\n[03/11 08:16] Olga Berg: checking')).toEqual(['Tran Van Minh', 'Olga Berg']);
    expect(names('Tue 10:01 mikael.ek anyone on call?\nTue 10:02 sara.lind yes, me')).toEqual(['mikael.ek', 'sara.lind']);
  });

  it('reads no file names, settings or words of the messages as speakers', () => {
    expect(names('config.yaml  12:01  updated\nsetup.py  12:02  updated')).toEqual([]);
    expect(names('[10:02] Olga Berg: will can you check the cache?\n[10:03] Will Carter: on it')).not.toContain('will');
  });
});

describe('person-name detector: labels, sign-offs, greetings and titles of more languages', () => {
  it.each([
    ['Hij heeft het dossier. Groet, Lieke Jansen-Hoekstra', 'Lieke Jansen-Hoekstra'],
    ['Tutanağı yazan: Can Erdoğan', 'Can Erdoğan'],
    ['Notulis: Yohanes Tanoto', 'Yohanes Tanoto'],
    ['Bearbeitet von: Uwe Kleinschmidt, 02.05.2024', 'Uwe Kleinschmidt'],
    ['Tidak hadir: Made Wirawan (cuti)', 'Made Wirawan'],
    ['Họ và tên: Trần Thị Thu Hà', 'Trần Thị Thu Hà'],
    ['Bună ziua, doamna Popa,', 'Popa'],
    ['Halo Mbak Rina, berikut data karyawan baru', 'Rina'],
    ['Halo Pak Budi, berikut data', 'Budi'],
    ['Mulțumesc, Simona', 'Simona'],
    ['Oi Juliana, segue a documentação', 'Juliana'],
    ['Hola Maite:\nTe escribo para avisarte', 'Maite'],
    ['Αγαπητέ κύριε Παπαδόπουλε,', 'Παπαδόπουλε'],
  ])('%j -> %j', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each(['BU Finance: Q3 results', 'Hello World:\nthis is the readme'])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: banks, universities, venues, streets and placeholders of other languages', () => {
  it.each([
    'IBAN DE09 1005 0000 6014 4388 17 (Berliner Sparkasse)',
    'Master Handelswetenschappen, Universiteit Gent (2012)',
    'Domiciliu: Str. Mihai Eminescu nr. 47, bl. B2',
    'Lunch places nearby: the Café Marcel Proust and a bakery.',
    'Visita alla Galleria Vittorio Emanuele II e tour dello stadio Giuseppe Meazza.',
    'Flights land at John F. Kennedy International (JFK).',
    'Ops review on Thursday in the Ada Lovelace room.',
    'Nombre del representante legal (por ejemplo: Juan Pérez García).',
    'Selon Santé publique France, la campagne continue.',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('person-name detector: what a review of the multilingual rules broke', () => {
  it.each([
    'De  10:00',
    'Van  08:15  Utrecht Centraal\nNaar  09:02  Amsterdam\n',
    'O código está escrito em Python e roda em Kubernetes.',
    'Instalace proběhla a pak Windows požádal o restart.',
    'Ella trabaja en una oficina del centro.',
    'Dan gaan we verder met het volgende punt.',
    'Già lo sapevo.',
    'Ekim ayında yeni sürüm çıkacak.',
    'Retailers such as Primark, Zara and Mango reported strong sales.',
    'The build passes on CI. Travis runs the tests on every push.',
    'Acción rápida. Marca registrada en España.',
    'Nach Ansicht des LG Bonn ist die Klausel unwirksam. Das LG Kiel sah das anders.',
    'Moin Hamburg! Heute wird es sonnig.',
    'Hallo Welt:\necho "Hallo Welt"',
    'Grazie a Dio è andato tutto bene.',
    'Il progetto è stato possibile grazie a Philips e alla comunità.',
    'Then send the traces to Jaeger for indexing.',
    'Peserta: Semua Karyawan Divisi Keuangan',
    'Nume: Plan Standard',
    'Пример: Иван Иванов',
    'anna.dev  10:02  deploying to prod now\nmaria.ops  10:03  ok, dev is green and ops signed off',
    '2024-01-15 10:02:11 luigi.scheduler started\n2024-01-15 10:02:12 luigi.worker ready\n',
    'Abfahrt:\nHamburg Hbf  10:04  ICE 578\nHannover Hbf  11:22  ICE 578\nKassel-Wilhelmshöhe  12:20  ICE 578',
    'Programm:\nSa 10:00 Offene Werkstatt: Treffpunkt Rathaus\nSo 11:00 Großes Konzert: Domchor',
    'Terima kasih.\n\nSalam,\nTim Dukungan',
  ])('%j: no name', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('reads a rarer given name after a role and a possessive, and after a capitalised Indonesian title', () => {
    expect(names('My manager Chidi says the clock is off.')).toEqual(['Chidi']);
    expect(names('Her boss Jürgen approved it.')).toEqual(['Jürgen']);
    expect(names('Lain-lain: Bu Aisyah akan menghubungi agensi.')).toEqual(['Aisyah']);
    expect(names('BU Finance: Q3 results')).toEqual([]);
  });

  it('reads a speaker typed again in lower case only where no article or everyday word makes it a word', () => {
    expect(names('[10:02] Max Berg: hi all\n[10:03] Priya Nair: the max setting is wrong')).toEqual(['Max Berg', 'Priya Nair']);
  });

  it('stays linear on a chat of one speaker repeated, typed again in every message', () => {
    const t = 'Ana Obi  10:04  ana\n'.repeat(50_000);
    expectWithin(4_000, () => inspector.inspect(t));
  });
});

describe('person-name detector: dialogues without time stamps, in any script, and long transcript turns (a sixteenth corpus)', () => {
  it('reads the speakers of a dialogue whose labels take turns, however the lists know them', () => {
    const ru = 'Серёжа: Маш, ты маме звонила?\nМаша: Да. У неё давление 180, врач приходил\nСерёжа: Её в больницу кладут?\nМаша: Нет пока. Но направление дали.';
    expect(names(ru)).toEqual(['Серёжа', 'Маша', 'Серёжа', 'Маша']);
    // (a kinship word heads its messages as a name would: it takes its turns, it is no name)
    const zh = '张伟：妈，爸的检查结果出来了吗？\n妈妈：出来了，医生说要做手术，下周住院\n张伟：别急，我明天请假回北京看看\n妈妈：好的，路上小心，到了打电话';
    expect(names(zh)).toEqual(['张伟', '张伟']);
  });
  it("reads no record's alternating field labels, nor an assistant's chat roles", () => {
    expect(names('Rozpoznanie: astma oskrzelowa\nLeczenie: salbutamol\nRozpoznanie: POChP\nLeczenie: tiotropium')).toEqual([]);
    expect(names('User: how do I reverse a list in python please?\nAssistant: Use reversed() or slicing, like this.\nUser: thanks that works well\nAssistant: You are welcome, anything else?')).toEqual([]);
    expect(names('Клиент: здравствуйте, не проходит оплата картой\nОператор: добрый день, уточните номер заказа\nКлиент: заказ 55123, вчера оформлял\nОператор: спасибо, проверяю')).toEqual([]);
    // (a break-it review: an interview's, an assistant chat's, a FAQ's, a log's and the minutes' labels in other languages)
    expect(names('Frage: Wie lange arbeiten Sie schon in der Firma?\nAntwort: Seit ungefähr zwölf Jahren, davor Hamburg.\nFrage: Was hat sich verändert?\nAntwort: Vor allem die Digitalisierung der Abläufe.')).toEqual([]);
    expect(names('Usuario: ¿Puedes resumir este artículo en tres frases?\nAsistente: Claro, aquí tienes un resumen breve.\nUsuario: Ahora tradúcelo al inglés, por favor.\nAsistente: Here is the English translation.')).toEqual([]);
    expect(names('ユーザー：明日の天気を教えてください。\nアシスタント：明日は晴れのち曇り、最高気温は二十度の予報です。\nユーザー：傘は必要ですか？\nアシスタント：降水確率は低いので、傘はおそらく不要です。')).toEqual([]);
    expect(names('问题：如何修改登录密码？\n回答：进入设置页面，点击账户安全，然后选择修改密码。\n问题：忘记密码怎么办？\n回答：在登录页面点击忘记密码，按照提示通过手机验证重置。')).toEqual([]);
    expect(names('Cliente: Hola, no me llega el código de verificación al móvil.\nSoporte: Hola, ¿puede confirmar que el número es correcto?\nCliente: Sí, es el mismo de siempre.\nSoporte: Vamos a reenviar el código, espere unos minutos.')).toEqual([]);
  });
  it('reads the speakers of a Hebrew or Urdu chat, whose names the lists do not hold', () => {
    const he = 'אבי: אמא אושפזה באיכילוב, חשד לשבץ\nרותם: מה?! מתי? אני בדרך עכשיו\nאבי: הבוקר. עשו לה בדיקות, מחכים לנוירולוג\nרותם: אני יוצא עכשיו מחיפה אליכם';
    expect(names(he)).toEqual(['אבי', 'רותם', 'אבי', 'רותם']);
  });
  it("reads a time-stamped transcript's speaker on a turn longer than a line of prose", () => {
    const zoom = '00:00:03 Megan Rourke: Okay, I think everyone is here.\n' +
      `00:00:07 David Feinberg: Sure. So, our issue is that since the March update, the exports to our ERP are duplicating line items. ${'We have lost days. '.repeat(4)}\n` +
      '00:00:21 Arjun Nair: Thanks David.';
    expect(names(zoom)).toEqual(['Megan Rourke', 'David Feinberg', 'Arjun Nair', 'David']);
  });
  it("reads a name in capitals after a title in capitals, and a booking's SURNAME/GIVEN TITLE", () => {
    expect(names('Passengers: 1. MR JAMES ANDERSON Frequent flyer BA 33871920\n2. MRS SARAH ANDERSON\n3. MISS EMMA ANDERSON (child)')).toEqual([
      'JAMES ANDERSON', 'SARAH ANDERSON', 'EMMA ANDERSON',
    ]);
    expect(names('1.1ANDERSON/JAMES MR 2.1ANDERSON/SARAH MRS')).toEqual(['ANDERSON/JAMES', 'ANDERSON/SARAH']);
    // (no title of a book, a product or a character)
    expect(names('DR JEKYLL AND MR HYDE\nMR CLEAN SPRAY 500ML\nMS OFFICE 365')).toEqual([]);
  });
  it("reads no sign-off of two words, nor a department's name, as a name", () => {
    expect(names('Bitte die Diagnose NICHT in SAP hinterlegen.\n\nViele Grüße\nKatrin Vogel\nPersonalabteilung')).toEqual(['Katrin Vogel']);
    // (a listed Turkish word with a dotless 'ı' is still listed once the inspector has folded it to 'i')
    expect(names('Saygılarımla,\nAyşe Demir\nİnsan Kaynakları')).toEqual(['Ayşe Demir']);
    expect(names('Merhaba,\nİnsan Kaynakları müdürü yarın dönecek.')).toEqual([]);
    // (a surname with 'ß' is the lists' 'ss': "Weiß" is "Weiss"; a word of another language opening a sentence is that word)
    expect(names('Von: Anna Weiß\nBetreff: Rechnung')).toEqual(['Anna Weiß']);
    expect(names('Kérem, állítsanak ki helyesbítő számlát.')).toEqual([]);
    expect(names('Kerem, can you check the invoice?')).toEqual(['Kerem']);
    // (a given name opening a sentence before a comma stays one, whatever the word lists of other languages say: a break-it review)
    expect(names('Ben, can you send me the slides? Kim, please update the roadmap. Abril, can you send the report?')).toEqual(['Ben', 'Kim', 'Abril']);
    // (a salutation to a panel, a doctor or a dean's office; a law firm; a test account; a browser's platform; a form's label)
    expect(names('Dear Panel,\n\nI am referring the student.\n\nEgregio Dottore,\n\nscrivo in nome.\n\nSayın Dekanlık,\n\n2023-2024 Bahar dönemi VET-304 dersi.')).toEqual([]);
    expect(names("Yours faithfully\n\nKendrick Hale Solicitors LLP\n(10235, 'Test User', 'x@y.org')\nMozilla/5.0 (Macintosh; Intel Mac OS X 14_5)")).toEqual([]);
    expect(names('Öğrenci No: 22140318\nAdı Soyadı: Mert Can Aydoğan\nCLB Tiếng Anh.')).toEqual(['Mert Can Aydoğan']);
    expect(names('Freundliche Grüsse\nReto Gerber\nTreuhand Gerber & Partner AG')).toEqual(['Reto Gerber']);
  });
  it('stays linear on many colons of both kinds', () => {
    expectWithin(3000, () => names('a: b\n'.repeat(20_000) + '甲：乙\n'.repeat(20_000)));
  });
});
