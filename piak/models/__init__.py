"""PIAK: one module per process (see sekretariat/ for the same skeleton)."""

from .distribusi_blangko import *  # noqa: F403
from .gangguan import *  # noqa: F403
from .inovasi import *  # noqa: F403
from .kerjasama import *  # noqa: F403
from .laporan_penduduk import *  # noqa: F401,F403
from .operasional import *  # noqa: F403
from .pengaduan import *  # noqa: F403
from .permintaan_data import *  # noqa: F403
from .publikasi import *  # noqa: F403
from .sosialisasi import *  # noqa: F403
from .update_data import *  # noqa: F403
