#!/usr/bin/env python3
"""CPU seconds by kind of process while a command runs: test JVMs, server processes, Chromium, PostgreSQL, Maven.

    scripts/cpu-by-process.py mvn --batch-mode --no-transfer-progress verify

Samples /proc every half second and keeps each process's last user+system time, so a process that lives less than
half a second is missed or undercounted. Prints the command's wall time, then the kinds, most CPU first.
"""
import collections
import os
import subprocess
import sys
import time

HZ = os.sysconf('SC_CLK_TCK')


def kind(comm, cmdline):
    if comm == 'java':
        if any('surefire' in part for part in cmdline):
            return 'test JVM (surefire/failsafe fork)'
        if any('io.jiangxin.server.Main' in part or 'jiangxin-server' in part for part in cmdline):
            return 'server process started by a test'
        return 'Maven and other JVMs'
    if comm.startswith('postgres'):
        return 'PostgreSQL'
    if 'chrom' in comm:
        return 'Chromium and ChromeDriver'
    return comm


def sample(seen):
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % pid) as f:
                stat = f.read()
            with open('/proc/%s/cmdline' % pid) as f:
                cmdline = f.read().split('\0')
        except OSError:
            continue
        comm = stat[stat.index('(') + 1:stat.rindex(')')]
        fields = stat[stat.rindex(')') + 2:].split()
        started = fields[19]
        seen[(pid, started)] = (kind(comm, cmdline), (int(fields[11]) + int(fields[12])) / HZ)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    seen = {}
    sample(seen)
    before = dict(seen)
    began = time.monotonic()
    command = subprocess.Popen(sys.argv[1:])
    while command.poll() is None:
        sample(seen)
        time.sleep(0.5)
    sample(seen)
    wall = time.monotonic() - began
    totals = collections.Counter()
    for key, (name, cpu) in seen.items():
        totals[name] += cpu - (before[key][1] if key in before else 0)
    print('wall %.1f s, exit %d' % (wall, command.returncode))
    for name, cpu in totals.most_common(12):
        print('%-36s %8.1f s CPU' % (name, cpu))
    sys.exit(command.returncode)


if __name__ == '__main__':
    main()
