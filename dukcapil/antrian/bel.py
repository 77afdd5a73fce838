"""The waiting-room chime, static/antrian/bel.wav: a two-tone «ding-dong» (880 Hz then 659 Hz, decaying),
16-bit mono 22.05 kHz, written with the standard library. Regenerate: python -m dukcapil.antrian.bel"""

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
NADA = ((880.0, 0.45), (659.25, 0.7))  # (Hz, seconds)


def samples() -> bytes:
    frames = bytearray()
    for freq, dur in NADA:
        n = int(RATE * dur)
        for i in range(n):
            t = i / RATE
            env = math.exp(-3.2 * t) * min(1.0, i / (0.01 * RATE))  # 10 ms attack, exponential decay
            s = env * (0.6 * math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t))
            frames += struct.pack("<h", int(max(-1.0, min(1.0, s)) * 30000))
    return bytes(frames)


def tulis(path: Path) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples())


if __name__ == "__main__":
    tulis(Path(sys.argv[1] if len(sys.argv) > 1 else "static/antrian/bel.wav"))
