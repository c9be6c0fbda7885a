"""What a process holds, read from /proc (Linux): memory and network sockets."""

from __future__ import annotations

import os
from pathlib import Path


def rss_kb(field: str = "VmRSS") -> int:
    """Resident memory of this process in kB (``VmHWM`` for the peak); 0 off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def inet_sockets(pid: int | str = "self") -> list[str]:
    """The TCP/UDP (v4/v6) sockets this process has open, as /proc lines; [] off Linux.
    Catches connections made below Python too (Qt, C libraries)."""
    fd_dir = Path(f"/proc/{pid}/fd")
    if not fd_dir.exists():
        return []
    inodes = set()
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        found += [f"{table}: {line.strip()}" for line in lines if line.split()[9] in inodes]
    return found
