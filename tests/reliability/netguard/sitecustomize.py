"""Put this folder on PYTHONPATH and every Python process started with it refuses
network connections and name lookups, loudly: each attempt is printed to stderr,
appended to $TAGDESK_NETGUARD_LOG, and raises. Local (AF_UNIX) sockets still work."""

import os
import socket
import sys
import traceback

_LOG = os.environ.get("TAGDESK_NETGUARD_LOG", "")


def _blocked(what):
    stack = "".join(traceback.format_stack(limit=12)[:-2])
    message = f"NETWORK ACCESS BLOCKED: {what}\n{stack}"
    sys.stderr.write(message)
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as f:
            f.write(message + "\n---\n")
    raise OSError(f"network access blocked by the test: {what}")


_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _blocked(f"connect {address}")
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _blocked(f"connect_ex {address}")
    return _connect_ex(self, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.getaddrinfo = lambda *a, **k: _blocked(f"getaddrinfo {a[:2]}")
socket.gethostbyname = lambda *a, **k: _blocked(f"gethostbyname {a[:1]}")
