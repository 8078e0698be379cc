import { cpuMeter, cpuShare, parseProcStat, readCpuTimes, stealAbove } from './cpu-share';

describe('parseProcStat', () => {
  it('sums the machine line: busy without guest time, idle with iowait, steal alone', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice
    const text = 'cpu  100 2 30 400 5 6 7 80 50 9\ncpu0 1 1 1 1 1 1 1 1 1 1\nintr 12345\n';
    expect(parseProcStat(text)).toEqual({ busy: 100 + 2 + 30 + 6 + 7, idle: 400 + 5, steal: 80 });
  });

  it('reads the summed line, not a per-core one, wherever it stands', () => {
    const text = 'cpu0 9 9 9 9 9 9 9 9\nintr 7 cpu 8 8 8 8\ncpu 1 0 0 2 0 0 0 3\n';
    expect(parseProcStat(text)).toEqual({ busy: 1, idle: 2, steal: 3 });
  });

  it('counts fields an older kernel leaves out as 0', () => {
    expect(parseProcStat('cpu 10 20 30 40')).toEqual({ busy: 60, idle: 40, steal: 0 });
  });

  it('gives nothing without a cpu line', () => {
    expect(parseProcStat('intr 1\ncpu0 1 2 3 4\n')).toBeUndefined();
    expect(parseProcStat('')).toBeUndefined();
  });
});

describe('cpuShare', () => {
  const at = (busy: number, idle: number, steal: number) => ({ busy, idle, steal });

  it('is each kind of time between two readings as a percent of all of it', () => {
    expect(cpuShare(at(100, 100, 100), at(160, 120, 120))).toEqual({
      busyPercent: 60,
      idlePercent: 20,
      stealPercent: 20,
    });
  });

  it('rounds to a tenth of a percent', () => {
    expect(cpuShare(at(0, 0, 0), at(1, 1, 1))).toEqual({ busyPercent: 33.3, idlePercent: 33.3, stealPercent: 33.3 });
    expect(cpuShare(at(0, 0, 0), at(2, 0, 1))).toEqual({ busyPercent: 66.7, idlePercent: 0, stealPercent: 33.3 });
  });

  it('gives nothing when no time passed', () => {
    expect(cpuShare(at(5, 5, 5), at(5, 5, 5))).toBeUndefined();
  });
});

describe('cpuMeter', () => {
  it('gives the shares between its start and its end, from the reader it is given', () => {
    const readings = [
      { busy: 10, idle: 10, steal: 0 },
      { busy: 40, idle: 20, steal: 10 },
    ];
    const end = cpuMeter(() => readings.shift());
    expect(end()).toEqual({ busyPercent: 60, idlePercent: 20, stealPercent: 20 });
  });

  it('gives nothing when either reading is missing', () => {
    const at = { busy: 1, idle: 1, steal: 1 };
    const later = { busy: 2, idle: 2, steal: 2 };
    for (const readings of [
      [undefined, later],
      [at, undefined],
    ]) {
      const end = cpuMeter(() => readings.shift());
      expect(end()).toBeUndefined();
    }
  });

  it('reads nothing where /proc/stat is not', () => {
    expect(readCpuTimes('/nonexistent/proc/stat')).toBeUndefined();
  });

  it('measures this machine where /proc/stat exists, and gives nothing elsewhere', async () => {
    const end = cpuMeter();
    const until = Date.now() + 100;
    while (Date.now() < until) await new Promise((r) => setImmediate(r));
    const share = end();
    if (process.platform !== 'linux') {
      expect(share).toBeUndefined();
      return;
    }
    expect(share).toBeDefined();
    const { busyPercent, idlePercent, stealPercent } = share!;
    expect(busyPercent + idlePercent + stealPercent).toBeCloseTo(100, 0);
    expect(busyPercent).toBeGreaterThan(0); // this test kept a core busy
  });
});

describe('stealAbove', () => {
  const result = {
    apiHot: { perSecond: 900, stealPercent: 0.4 },
    rawHot: { perSecond: 400, stealPercent: 26.6 },
    nested: { deeper: { stealPercentPipeline: 2.1, stealPercentRawAfter: 2 } },
    machineCpuPercent: { busyPercent: 80, idlePercent: 5, stealPercent: 15 },
    note: 'stealPercent 99',
    stealPercentLabel: 'x',
    perSecond: 99,
  };

  it('names every steal reading over the limit, with its path', () => {
    expect(stealAbove(result, 2)).toEqual([
      'rawHot.stealPercent=26.6',
      'nested.deeper.stealPercentPipeline=2.1',
      'machineCpuPercent.stealPercent=15',
    ]);
  });

  it('leaves readings at the limit, other numbers and strings alone', () => {
    expect(stealAbove(result, 30)).toEqual([]);
    expect(stealAbove({ busyPercent: 99, stealPercent: 2 }, 2)).toEqual([]);
  });

  it('reads nothing from what is not an object', () => {
    expect(stealAbove(null, 0)).toEqual([]);
    expect(stealAbove(5, 0)).toEqual([]);
    expect(stealAbove('stealPercent', 0)).toEqual([]);
  });
});
