"""The display's chime is the file the generator writes (regenerate it with python -m dukcapil.antrian.bel)."""

import wave
from pathlib import Path

from django.conf import settings

from dukcapil.antrian import bel


def test_the_chime_is_a_short_mono_wav_made_by_the_generator():
    with wave.open(str(Path(settings.BASE_DIR) / "static" / "antrian" / "bel.wav"), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, bel.RATE)
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    assert 1.0 < seconds < 1.5
    assert frames == bel.samples()
