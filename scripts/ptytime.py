#!/usr/bin/env python3
"""Times a terminal program in a real pseudo-terminal: how long until its output
holds a marker, and how long each key takes to answer. Used by scripts/measure;
run alone as: ptytime.py [--size COLSxROWS] --marker TEXT [--key KEY --marker TEXT]... -- CMD ARGS
Each --key is sent after the previous marker showed; the time printed for it runs
from the key to the end of the program's answer (its output quiet for 30 ms)."""
import argparse
import os
import pty
import select
import signal
import struct
import sys
import fcntl
import termios
import time

QUIET = 0.03


def spawn(argv, cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_until(fd, marker, buffer, timeout=30.0):
    """Reads until `marker` is in everything read so far; returns the time."""
    start = time.perf_counter()
    while marker.encode() not in buffer:
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            raise TimeoutError(f"never showed {marker!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            data = os.read(fd, 65536)
            buffer.extend(data)
            answer_queries(fd, data)
    return time.perf_counter() - start


def answer_queries(fd, data):
    # A cursor position query, answered as a terminal does.
    if b"\x1b[6n" in data:
        os.write(fd, b"\x1b[1;1R")


def answer_time(fd, buffer):
    """From now until the output has been quiet for QUIET seconds after it began."""
    start = time.perf_counter()
    last = None
    while True:
        ready, _, _ = select.select([fd], [], [], QUIET if last else 5.0)
        if not ready:
            if last is None:
                return None
            return last - start
        data = os.read(fd, 65536)
        buffer.extend(data)
        answer_queries(fd, data)
        last = time.perf_counter()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="120x40")
    parser.add_argument("steps", nargs="*")
    args, rest = parser.parse_known_args()
    if "--" not in sys.argv:
        sys.exit("usage: ptytime.py [--size CxR] STEP... -- CMD ARGS")
    split = sys.argv.index("--")
    steps = [s for s in sys.argv[1:split] if not s.startswith("--size")]
    steps = [s for s in steps if not (s[0].isdigit() and "x" in s)]
    argv = sys.argv[split + 1:]
    cols, rows = (int(n) for n in args.size.split("x"))
    start = time.perf_counter()
    pid, fd = spawn(argv, cols, rows)
    buffer = bytearray()
    results = []
    for step in steps:
        kind, _, value = step.partition(":")
        if kind == "wait":
            read_until(fd, value, buffer)
            results.append(("wait " + value, time.perf_counter() - start))
        elif kind == "key":
            key = value.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            buffer.clear()
            os.write(fd, key.encode())
            results.append(("key " + value, answer_time(fd, buffer)))
        elif kind == "settle":
            answer_time(fd, buffer)
    for name, seconds in results:
        print(f"{name}\t{'' if seconds is None else f'{seconds * 1000:.2f}'}")
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
