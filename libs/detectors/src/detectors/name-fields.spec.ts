import { compileInspector } from '../inspector';
import { expectWithin } from '../timing.test-helper';

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

describe('name fields: SQL INSERT statements', () => {
  const found = names;
  it('reads the values of the name columns of each row', () => {
    const sql = "INSERT INTO customers (id, given_name, surname, city) VALUES\n(1, 'Ngozi', 'Adeyemi', 'Lagos'),\n(2, 'Jean-Pierre', 'Lemaire', 'Lyon');";
    expect(found(sql)).toEqual(expect.arrayContaining(['Ngozi', 'Adeyemi', 'Jean-Pierre', 'Lemaire']));
    expect(found(sql)).not.toContain('Lagos');
  });
  it('leaves columns without a name field alone, and a bare name column needs a listed name', () => {
    expect(found("INSERT INTO products (sku, name, price) VALUES ('A1', 'Blue Widget', 9.99), ('A2', 'Red Gadget', 4.5);")).toEqual([]);
  });
  it("reads a bare name column beside a price or a stock as a product's, unless a product column is there too", () => {
    expect(found('Name,Price\nAudrey,12.00\nMaya,3.50')).toEqual([]);
    expect(found('Name;Preis;Bestand\nAudrey;12,00;3')).toEqual([]);
    expect(found('Name,Item,Qty\nJohn Smith,Widget,3\nAnna Berg,Bolt,9')).toEqual(['John Smith', 'Anna Berg']);
    expect(found('first_name,last_name,price\nAnna,Berg,12')).toEqual(['Anna', 'Berg']);
    // (a size, a weight or a quantity is a list of people's too: a team's shirt order, a patients' list; a row's cells are not joined over a size)
    expect(found('Name\tSize\tOwner\nAudrey\tM\tJohn Smith')).toEqual(['Audrey', 'John Smith']);
    expect(found('Name,Size,Qty\nAudrey Kowalczyk,M,2')).toEqual(['Audrey Kowalczyk']);
  });
  it('stays linear on a long unterminated row (200 KB)', () => {
    const t = "INSERT INTO people (first_name, last_name) VALUES ('" + "ab,".repeat(70_000);
    expectWithin(2000, () => found(t));
  });
});

describe('name fields: a column named for a person\'s role', () => {
  const found = names;
  it('reads the listed names of an Employee or Customer column', () => {
    const tsv = 'Employee\tStart date\tSalary\nGareth Llewellyn\t02/01/2023\t42,500\nMorag MacLeod\t15/03/2021\t51,000';
    expect(found(tsv)).toEqual(['Gareth Llewellyn', 'Morag MacLeod']);
    expect(found('customer,order,total\nAcme Ltd,88213,120.00\nNorthwind Traders,88214,75.50')).toEqual([]);
  });
});

describe("a table's name column in more languages and scripts", () => {
  it.each([
    ['ФИО;Дата рождения;Должность\nГарипова Алсу Рашитовна;03.09.1991;бухгалтер\nКим Виктор Сергеевич;27.01.1979;начальник участка', ['Гарипова Алсу Рашитовна', 'Ким Виктор Сергеевич']],
    ['STT,Họ tên,Ngày sinh\n4,Đặng Văn Hùng,19/12/1985\n5,Võ Minh Trí,01/10/2000', ['Đặng Văn Hùng', 'Võ Minh Trí']],
  ])('%j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
