import { fieldsOf, sqlRowEnd, valueOf } from './table-fields';

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
