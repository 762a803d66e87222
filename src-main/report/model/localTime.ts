/**
 * Times as a reader of the report expects them: the examiner's local time with
 * its zone (the appendix keeps UTC). The zone is the machine's (TZ), named in
 * the report, so "19:30 (UTC+01:00, Europe/Berlin)" can be checked against the
 * UTC record. Pure given the zone.
 */
export function localTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const offset = parts.timeZoneName === 'GMT' ? 'UTC+00:00' : (parts.timeZoneName ?? '').replace('GMT', 'UTC');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} (${offset}, ${timeZone})`;
}

/** The zone this process reports times in (TZ, else the system's). */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
