import { describe, expect, it } from 'vitest';
import { formatPounds, parseMoneyText, poundsToPence, roundHalfAwayFromZero } from '../../shared/money.js';

describe('money at the sheet boundary', () => {
  it('converts pounds to pence rounding half away from zero', () => {
    expect(poundsToPence(106952)).toBe(10_695_200);
    expect(poundsToPence(35720.63)).toBe(3_572_063);
    expect(poundsToPence(0.285)).toBe(29);
    expect(poundsToPence(0.125)).toBe(13);
    expect(poundsToPence(-0.125)).toBe(-13);
    expect(poundsToPence(1.004)).toBe(100);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
  });

  it('reads money written as text', () => {
    expect(parseMoneyText('£1,200.50')).toBe(1200.5);
    expect(parseMoneyText(' 1200 ')).toBe(1200);
    expect(parseMoneyText('(£5.00)')).toBe(-5);
    expect(parseMoneyText('12,00')).toBeUndefined();
    expect(parseMoneyText('ten pounds')).toBeUndefined();
  });

  it('formats pence as pounds', () => {
    expect(formatPounds(25_917_263)).toBe('£259,172.63');
    expect(formatPounds(-5)).toBe('-£0.05');
  });
});
