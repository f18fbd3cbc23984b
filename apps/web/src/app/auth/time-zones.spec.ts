import { matchTimeZones, timeZoneChoices, zoneOffset } from './time-zones';

describe('time zones', () => {
  it('offers the browser’s zone first, then the current one and UTC, then every other', () => {
    const zones = timeZoneChoices('Asia/Tokyo', 'Europe/London');
    expect(zones.slice(0, 3)).toEqual(['Europe/London', 'Asia/Tokyo', 'UTC']);
    expect(zones.filter((zone) => zone === 'Asia/Tokyo')).toHaveLength(1);
    expect(zones.length).toBeGreaterThan(300);
  });

  it('finds zones by the start of any word, with spaces for underscores', () => {
    const zones = ['Europe/London', 'America/New_York', 'Pacific/Pago_Pago', 'Europe/Paris'];
    expect(matchTimeZones(zones, 'york', 8)).toEqual(['America/New_York']);
    expect(matchTimeZones(zones, 'new york', 8)).toEqual(['America/New_York']);
    expect(matchTimeZones(zones, 'PAGO', 8)).toEqual(['Pacific/Pago_Pago']);
    expect(matchTimeZones(zones, 'europe', 1)).toEqual(['Europe/London']);
    expect(matchTimeZones(zones, '', 2)).toEqual(['Europe/London', 'America/New_York']);
    expect(matchTimeZones(zones, 'ondon', 8)).toEqual([]);
  });

  it('shows a zone’s offset now', () => {
    expect(zoneOffset('Asia/Tokyo', new Date('2026-03-10T12:00:00Z'))).toBe('GMT+9');
    expect(zoneOffset('UTC', new Date('2026-03-10T12:00:00Z'))).toBe('GMT');
  });
});
