import pytest

from dukcapil.choices import Role
from tests.factories import staff


@pytest.fixture
def capil(team):
    """Officers of Pencatatan Sipil (counter to pickup) and the Kadis of the shared team."""
    bidang = "pencatatan_sipil"
    return {
        "loket": staff(Role.PETUGAS_LOKET, bidang=bidang),
        "operator": staff(Role.OPERATOR_SIAK, bidang=bidang),
        "kasi": team["kasi_capil"],
        "kabid": staff(Role.KABID, bidang=bidang),
        "kadis": team["kadis"],
        "pengambilan": staff(Role.PETUGAS_PENGAMBILAN, bidang=bidang),
    }
