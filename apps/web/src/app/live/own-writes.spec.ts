import { OwnWrites } from './own-writes';

describe('OwnWrites', () => {
  it('remembers a habit this tab changed for 20 seconds', () => {
    const writes = new OwnWrites();
    writes.note('h1', 1_000);
    expect(writes.isRecent('h1', 20_999)).toBe(true);
    expect(writes.isRecent('h1', 21_000)).toBe(false);
    expect(writes.isRecent('h2', 1_000)).toBe(false);
  });
});
