import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV fields', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvField('myASH1')).toBe('myASH1');
    expect(csvField(42)).toBe('42');
    expect(csvField(123456789012345678901234567890n)).toBe('123456789012345678901234567890');
    expect(csvField('1275000.000001')).toBe('1275000.000001');
  });

  it('writes nothing for a missing value', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('Ashburn, VA')).toBe('"Ashburn, VA"');
    expect(csvField('the "A" round')).toBe('"the ""A"" round"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });

  it('keeps negative amounts numeric but defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('-51325.571031')).toBe('-51325.571031');
    expect(csvField('-12')).toBe('-12');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1 fund')).toBe("'+1 fund");
    expect(csvField('-5 fund')).toBe("'-5 fund");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('keeps non-ASCII text as it is', () => {
    expect(csvField('Ashburn H100 Cluster · Round 1')).toBe('Ashburn H100 Cluster · Round 1');
  });
});

describe('CSV documents', () => {
  it('is a header row and one CRLF-ended line per row', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['1', null],
          ['x,y', 2n],
        ],
      ),
    ).toBe('a,b\r\n1,\r\n"x,y",2\r\n');
  });

  it('is only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});
