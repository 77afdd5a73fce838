from .bmd import *  # noqa: F403
from .disiplin import *  # noqa: F403
from .kepegawaian import *  # noqa: F403
from .keuangan import *  # noqa: F403
from .naskah import *  # noqa: F403
from .perencanaan import *  # noqa: F403
from .presensi import *  # noqa: F403
from .surat_masuk import *  # noqa: F403
