import { delayFor, MAX_DELAY_MS } from './sign-in-attempts.service';

describe('the account-wide progressive delay', () => {
  it('is nothing for the first few failures, then grows by 250 ms a failure up to its cap', () => {
    expect([0, 1, 5].map(delayFor)).toEqual([0, 0, 0]);
    expect([6, 7, 9].map(delayFor)).toEqual([250, 500, 1000]);
    expect(delayFor(17)).toBe(MAX_DELAY_MS);
    expect(delayFor(10_000)).toBe(MAX_DELAY_MS);
    expect(MAX_DELAY_MS).toBeLessThanOrEqual(3000);
  });
});
