const TZ = 'Asia/Shanghai';

/** 2026-05-18 09:03 in Beijing time, whatever the device's zone. */
export function bjTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hour12: false,
  }).formatToParts(new Date(iso));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`;
}

/** An <input type="datetime-local"> value (Beijing wall time) → ISO 8601 UTC. */
export function fromBjLocal(value: string): string {
  return new Date(`${value}:00+08:00`).toISOString();
}

/** ISO → an <input type="datetime-local"> value in Beijing wall time. */
export function toBjLocal(iso: string): string {
  return bjTime(iso).replace(' ', 'T');
}
