import { TimeSlice } from './time-slice';

describe('TimeSlice', () => {
  test('is due once its milliseconds of work have passed, and pausing lets queued work run and starts a new slice', async () => {
    const slice = new TimeSlice(5);
    expect(slice.due()).toBe(false);
    const until = performance.now() + 6;
    while (performance.now() < until);
    expect(slice.due()).toBe(true);
    let ran = false;
    setImmediate(() => (ran = true));
    await slice.pause();
    expect(ran).toBe(true);
    expect(slice.due()).toBe(false);
  });
});
