import { alignedCells, fieldsOf, freeTextColumn, sqlRowEnd, valueOf } from './table-fields';

const values = (line: string, delim = ','): string[] =>
  fieldsOf(line, 0, sqlRowEnd(line, 0, line.length), delim.charCodeAt(0)).map(([s, e]) => line.slice(...valueOf(line, s, e)));

describe('fieldsOf and valueOf', () => {
  it('splits at the delimiter outside a quoted field, double or single quotes', () => {
    expect(values('1,"Lee, Ann",x')).toEqual(['1', 'Lee, Ann', 'x']);
    expect(values("(1001, 'Harold Jennings', '1948-02-11', 'Type 2 diabetes, CKD', 'BCBS-77'),")).toEqual(['1001', 'Harold Jennings', '1948-02-11', 'Type 2 diabetes, CKD', 'BCBS-77']);
    expect(values("(7, 'O''Brien, Caitlin', NULL);")).toEqual(['7', "O''Brien, Caitlin", 'NULL']);
  });
  it('reads a quote inside a field as a character', () => {
    expect(values("O'Brien,Caitlin,5\" screen,x")).toEqual(["O'Brien", 'Caitlin', '5" screen', 'x']);
    expect(values("'Tis;the;season", ';')).toEqual(["'Tis", 'the', 'season']);
  });
  it('keeps the brackets a value has of its own', () => {
    expect(values('(555) 123-4567,Ann (HR),(x')).toEqual(['(555) 123-4567', 'Ann (HR)', 'x']);
  });
});

describe('alignedCells', () => {
  const row = (line: string, labels: string[]): string[] | null =>
    alignedCells(fieldsOf(line, 0, line.length, 44), labels.length, freeTextColumn(labels))?.map(([s, e]) => line.slice(s, e)) ?? null;
  it('gives a free-text column the fields of its unquoted commas', () => {
    expect(row('Ann,12 High St, Leeds,1981-02-03', ['Name', 'Address', 'DOB'])).toEqual(['Ann', '12 High St, Leeds', '1981-02-03']);
    expect(row('1,late, again,x', ['id', 'Notes', 'code'])).toEqual(['1', 'late, again', 'x']);
  });
  it('is no row of the table with no free-text column, two of them, fewer fields or five more', () => {
    expect(row('a,b,c,d', ['Name', 'DOB', 'Phone'])).toBeNull();
    expect(row('a,b,c,d', ['Address', 'Notes', 'Phone'])).toBeNull();
    expect(row('a,b', ['Name', 'Address', 'Phone'])).toBeNull();
    expect(row('a,b,c,d,e,f,g,h', ['Name', 'Address', 'Phone'])).toBeNull();
  });
});
