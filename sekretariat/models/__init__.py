from .kepegawaian import *  # noqa: F403
from .naskah import *  # noqa: F403
from .surat_masuk import *  # noqa: F403
