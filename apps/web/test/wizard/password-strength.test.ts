import { describe, expect, it } from 'vitest';
import { passwordStrength } from '../../src/wizard/password-strength.ts';

describe('passwordStrength', () => {
  it('is weak below the minimum length, however mixed', () => {
    expect(passwordStrength('Ab1!Ab1!A', 10)).toBe('weak');
    expect(passwordStrength('', 10)).toBe('weak');
  });

  it('is weak for a short password of one kind of character', () => {
    expect(passwordStrength('abcdefghij', 10)).toBe('weak');
    expect(passwordStrength('1234567890', 10)).toBe('weak');
  });

  it('is fair for a short password that mixes kinds', () => {
    expect(passwordStrength('abcdefghi1', 10)).toBe('fair');
    expect(passwordStrength('Ab1!Ab1!Ab', 10)).toBe('fair');
  });

  it('is fair from twelve characters of one or two kinds', () => {
    expect(passwordStrength('abcdefghijkl', 10)).toBe('fair');
    expect(passwordStrength('abcdefghijk1', 10)).toBe('fair');
  });

  it('is strong from twelve characters of three kinds', () => {
    expect(passwordStrength('Abcdefghijk1', 10)).toBe('strong');
    expect(passwordStrength('abcdefghij1!', 10)).toBe('strong');
  });

  it('is strong from sixteen characters of any kind', () => {
    expect(passwordStrength('abcdefghijklmnop', 10)).toBe('strong');
  });

  it('is weak while shorter than a minimum above sixteen', () => {
    expect(passwordStrength('Abcdefghijklmno1!', 20)).toBe('weak');
  });

  it('counts German umlauts and ß as lower and upper case letters', () => {
    expect(passwordStrength('äöüßäöü1', 8)).toBe('fair');
    expect(passwordStrength('ÄÖÜäöüßäöüß1', 8)).toBe('strong');
  });

  it('counts characters, not UTF-16 code units', () => {
    // Six characters, eleven UTF-16 code units.
    expect(passwordStrength('😀😀😀😀😀a', 8)).toBe('weak');
    expect(passwordStrength('😀😀😀😀a1😀😀', 8)).toBe('fair');
  });
});
