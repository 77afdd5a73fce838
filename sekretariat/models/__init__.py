from .naskah import *  # noqa: F403
