#!/usr/bin/env python3
"""Slow clients for the soak (scripts/bench --soak): COUNT connections from one other
network (source address 127.0.0.2) that send a request's headers a byte every 2 s and
open again when the server cuts them. Prints one line:
  SLOW opened=N cut=N refused=N longest_s=S
refused: closed within half a second (over the per-network connection limit);
cut: closed later (the header timeout); longest_s: the longest any stayed open."""
import asyncio, sys, time

host, port, count, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
stats = {"opened": 0, "cut": 0, "refused": 0, "longest": 0.0}
HEAD = b"GET /livez HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 10000


async def one(deadline):
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection(host, port, local_addr=("127.0.0.2", 0))
        except OSError:
            await asyncio.sleep(0.5)
            continue
        stats["opened"] += 1
        start = time.monotonic()
        try:
            for b in HEAD:
                if time.monotonic() >= deadline:
                    break
                writer.write(bytes([b]))
                await writer.drain()
                # The server closing shows as EOF on read.
                try:
                    if await asyncio.wait_for(reader.read(1), timeout=2.0) == b"":
                        break
                except asyncio.TimeoutError:
                    pass
        except (ConnectionError, OSError):
            pass
        lived = time.monotonic() - start
        writer.close()
        if time.monotonic() >= deadline:
            break
        stats["longest"] = max(stats["longest"], lived)
        stats["refused" if lived < 0.5 else "cut"] += 1
        if lived < 0.5:
            await asyncio.sleep(0.5)


async def main():
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(one(deadline) for _ in range(count)))
    print(f"SLOW opened={stats['opened']} cut={stats['cut']} refused={stats['refused']} longest_s={stats['longest']:.1f}")


asyncio.run(main())
