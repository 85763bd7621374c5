#!/usr/bin/env python3
"""Times a terminal program in a real pseudo-terminal, as a person meets it: how
long until its first screen holds a marker, how long each key takes to be
answered, and its peak memory. A library for scripts/measure and a command:

    ptytime.py [--size COLSxROWS] STEP... -- COMMAND ARG...

Steps: wait:TEXT (until the output holds TEXT; the time since the start is
printed), key:KEYS (sends KEYS, Python escapes allowed; the time until the
answer has been quiet for 30 ms is printed), settle (reads until quiet).
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

import pyte

QUIET = 0.03


class Session:
    """A program running in a pseudo-terminal of `cols` x `rows`."""

    def __init__(self, argv, cols=120, rows=40, env=None, answers=True):
        # Whether the terminal answers a query for its background colour, as
        # most do; some never do.
        self.answers = answers
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.environ["TERM"] = "xterm-256color"
            os.environ.update(env or {})
            os.execvp(argv[0], argv)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.pid, self.fd = pid, fd
        self.buffer = bytearray()
        # Everything read, with when it arrived, and a terminal emulator fed with
        # it chunk by chunk (after the fact, so emulating costs no time measured).
        self.chunks = []
        self.fed = 0
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        self.buffer.extend(data)
        self.chunks.append((time.perf_counter(), data))
        # Answer a cursor position query, as a terminal does.
        if b"\x1b[6n" in data:
            os.write(self.fd, b"\x1b[1;1R")
        # And a query for the background colour, as most terminals do (a dark one).
        if self.answers and b"\x1b]11;?" in data:
            os.write(self.fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\")
        return bool(data)

    def text(self):
        """The screen as text, spaces left out (built from the emulator's cells:
        pyte's own rendering fails on some wide characters)."""
        return "".join(
            cell.data
            for y in range(self.screen.lines)
            for cell in (self.screen.buffer[y][x] for x in range(self.screen.columns))
        ).replace(" ", "")

    def _arrival_of(self, marker):
        """When the chunk arrived that first put `marker` on the screen."""
        wanted = marker.replace(" ", "")
        while self.fed < len(self.chunks):
            arrived, data = self.chunks[self.fed]
            self.stream.feed(data)
            self.fed += 1
            if wanted in self.text():
                return arrived
        return None

    def wait(self, marker, timeout=60.0):
        """Seconds from the start until the screen shows `marker`."""
        deadline = time.perf_counter() + timeout
        while True:
            arrived = self._arrival_of(marker)
            if arrived is not None:
                return arrived - self.start
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"never showed {marker!r}")
            # Read a burst, then look at it.
            if self._read(left):
                while self._read(QUIET):
                    pass

    def key(self, keys):
        """Seconds from sending `keys` until the answer has been quiet for QUIET
        (None if nothing came within 5 s)."""
        return self.key_times(keys)[1]

    def key_times(self, keys):
        """Seconds from sending `keys` until the first of the answer came, and
        until it has been quiet for QUIET ((None, None) if nothing came within
        5 s)."""
        sent = time.perf_counter()
        os.write(self.fd, keys.encode())
        if not self._read(5.0):
            return None, None
        first = last = time.perf_counter()
        while self._read(QUIET):
            last = time.perf_counter()
        return first - sent, last - sent

    def key_first(self, keys):
        """Seconds from sending `keys` until the first of the answer came (None
        if nothing came within 5 s); the rest is left to be read."""
        sent = time.perf_counter()
        os.write(self.fd, keys.encode())
        if not self._read(5.0):
            return None
        return time.perf_counter() - sent

    def settle(self):
        while self._read(QUIET * 3):
            pass

    def peak_memory_kb(self):
        """The program's peak resident memory so far (VmHWM), in KB."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def quit(self, keys, timeout=30.0):
        """Sends `keys` and reads until the program has exited."""
        os.write(self.fd, keys.encode())
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return
            self._read(QUIET)
        self.close()

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


def first_screen(argv, marker, env=None, answers=True):
    """Seconds from starting `argv` in a pseudo-terminal until its output holds
    `marker` (its first screen is out); `answers`: whether the terminal answers
    a query for its background."""
    session = Session(argv, env=env, answers=answers)
    try:
        return session.wait(marker)
    finally:
        session.close()


def main():
    args = sys.argv[1:]
    if "--" not in args:
        sys.exit(__doc__)
    split = args.index("--")
    steps, argv = args[:split], args[split + 1:]
    cols, rows = 120, 40
    if steps and steps[0] == "--size":
        cols, rows = (int(n) for n in steps[1].split("x"))
        steps = steps[2:]
    session = Session(argv, cols, rows)
    try:
        for step in steps:
            kind, _, value = step.partition(":")
            if kind == "wait":
                print(f"wait {value}\t{session.wait(value) * 1000:.2f}")
            elif kind == "key":
                keys = value.encode().decode("unicode_escape").encode("latin-1").decode()
                seconds = session.key(keys)
                print(f"key {value}\t{'' if seconds is None else f'{seconds * 1000:.2f}'}")
            elif kind == "settle":
                session.settle()
        print(f"peak memory\t{session.peak_memory_kb()} KB")
    finally:
        session.close()


if __name__ == "__main__":
    main()
