from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# SQLite (the demo without DATABASE_URL) cannot enforce the work items' one-open-item constraint,
# which treats NULL persons as equal; PostgreSQL (production, tests) does.
SILENCED_SYSTEM_CHECKS = ["models.W047"]
