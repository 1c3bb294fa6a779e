import { compileInspector } from '../inspector';

const inspector = compileInspector({ classes: ['personal_data'] });
const names = (text: string): string[] => inspector.inspect(text).filter((f) => f.detector === 'person-name').map((f) => text.slice(f.start, f.end));

describe('person names in name fields', () => {
  it.each([
    // the name columns of a table, whatever the names' words ("John", "Smith" are also words)
    ['first_name,last_name,email\nJohn,Smith,js@example.com\nWei,Novak,wn@example.com', ['John', 'Smith', 'Wei', 'Novak']],
    ['id;Full Name;city\n1;"Smith, John";Leeds\n2;Aiko Tanaka;Osaka', ['Smith, John', 'Aiko Tanaka']],
    ['Vorname\tNachname\tStadt\nJürgen\tKlinsmann\tStuttgart', ['Jürgen', 'Klinsmann']],
    ['| Name | Role |\n|---|---|\n| Anna Berg | CFO |\n| Tom Ruiz | CTO |', ['Anna Berg', 'Tom Ruiz']],
    // a bare "name" column holds products too: only cells with a listed name
    ['name;price\nWidget Pro;12\nAnna Berg;3', ['Anna Berg']],
    // the values of name keys in JSON, code, YAML; a labelled value in lower case
    ['{"name": "John Smith", "age": 42}', ['John Smith']],
    ['customer_name = "Mark Baker"', ['Mark Baker']],
    ["$user = ['surname' => 'Okafor'];", ['Okafor']],
    ['employee:\n  first_name: Ngozi\n  last_name: kowalczyk', ['kowalczyk']],
    ['Name: john smith', ['john smith']],
  ])('%j -> %j', (text, expected) => {
    for (const name of expected) expect(names(text)).toContain(name);
  });

  it.each([
    '{"name": "airlock-api", "version": "1.0.0"}',
    'name = "Widget Pro"',
    'file_name = "report final"',
    'hostname: db primary',
    'first_name: required\nlast_name: optional',
    'id,product_name,qty\n1,Widget Pro,3\n2,Gadget Max,5',
    'placeholder="Your name"',
    'The economy is nominal: names were not given.',
  ])('no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});
