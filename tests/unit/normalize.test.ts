import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../db/queries/search-index';
import { digitsOnly, foldText, searchWords } from '../../shared/normalize';

describe('name normalisation', () => {
  it('drops accents and case', () => {
    expect(foldText('Nicolò')).toBe('nicolo');
    expect(foldText('NICOLÒ')).toBe('nicolo');
    expect(foldText('Àèìòù Çé')).toBe('aeiou ce');
    expect(foldText('Nicolò')).toBe(foldText('nicolo'));
  });

  it('turns apostrophes (straight or typographic), dashes and dots into single spaces', () => {
    expect(foldText("D'Angelo")).toBe('d angelo');
    expect(foldText('D’Angelo')).toBe('d angelo');
    expect(foldText('Dell’Acqua-Rossi')).toBe('dell acqua rossi');
    expect(foldText('  De   Luca  ')).toBe('de luca');
    expect(foldText('S.Maria')).toBe('s maria');
  });

  it('keeps digits; digitsOnly reads a phone whatever its spacing', () => {
    expect(foldText('Via Roma 12/A')).toBe('via roma 12 a');
    expect(digitsOnly('+39 333 123-4567')).toBe('393331234567');
  });

  it('splits what was typed into at most six words of at most 40 characters', () => {
    expect(searchWords('  Nicolò   D’Angelo ')).toEqual(['nicolo', 'd', 'angelo']);
    expect(searchWords('a b c d e f g h')).toHaveLength(6);
    expect(searchWords('x'.repeat(60))[0]).toHaveLength(40);
    expect(searchWords(' ’ - ')).toEqual([]);
  });
});

describe('ftsQuery', () => {
  it('makes every word a required, quoted prefix', () => {
    expect(ftsQuery('Nicolò')).toBe('"nicolo"*');
    expect(ftsQuery('rossi MARIA')).toBe('"rossi"* AND "maria"*');
  });

  it('neutralises FTS syntax a user might type', () => {
    expect(ftsQuery('rossi OR NOT "x"')).toBe('"rossi"* AND "or"* AND "not"* AND "x"*');
    expect(ftsQuery('a*b^c')).toBe('"a*b^c"*');
  });

  it('also matches digits typed in groups as one number', () => {
    expect(ftsQuery('333 123')).toBe('("333"* AND "123"*) OR "333123"*');
    expect(ftsQuery('N-000123')).toBe('"n"* AND "000123"*');
  });

  it('returns null when nothing searchable was typed', () => {
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery(' - ’ ')).toBeNull();
  });
});
