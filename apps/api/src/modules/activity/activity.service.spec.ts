import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../common/errors';
import { decodeCursor, domainCovers, encodeCursor, timeOfUuidV7 } from './activity.service';
import { likeText } from './search.repository';

describe('activity helpers', () => {
  test('a cursor round-trips (time, id) and anything else is a 400 naming the cursor', () => {
    const k = { time: new Date('2026-12-03T08:00:00.123Z'), id: uuidv7() };
    expect(decodeCursor(encodeCursor(k))).toEqual(k);
    for (const bad of ['', 'not a cursor', '!!!!', Buffer.from('x.y').toString('base64url'), Buffer.from(`1.${'z'.repeat(36)}`).toString('base64url'), 'a'.repeat(201)]) {
      expect(() => decodeCursor(bad)).toThrow(AppError);
      try {
        decodeCursor(bad);
      } catch (err) {
        expect((err as AppError).message).toMatch(/cursor/);
      }
    }
  });

  test('a UUIDv7 gives the millisecond it was made; other ids give none', () => {
    const ms = Date.parse('2026-11-30T12:34:56.789Z');
    expect(timeOfUuidV7(uuidv7({ msecs: ms }))?.getTime()).toBe(ms);
    expect(timeOfUuidV7('0d6f3c1e-8a3b-4c55-9f5e-1c2d3e4f5a6b')).toBeNull();
    expect(timeOfUuidV7('nope')).toBeNull();
  });

  test('catalog domains cover hosts as the policy engine does: exact, or *. for subdomains only', () => {
    expect(domainCovers('chat.example.com', 'chat.example.com')).toBe(true);
    expect(domainCovers('chat.example.com', 'CHAT.example.com.')).toBe(true);
    expect(domainCovers('*.example.com', 'a.b.example.com')).toBe(true);
    expect(domainCovers('*.example.com', 'example.com')).toBe(false);
    expect(domainCovers('*.example.com', 'badexample.com')).toBe(false);
    expect(domainCovers('example.com', 'example.com:8443')).toBe(true);
  });

  test('search text is matched literally: LIKE wildcards escaped', () => {
    expect(likeText('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(likeText('deepseek')).toBe('deepseek');
  });
});
