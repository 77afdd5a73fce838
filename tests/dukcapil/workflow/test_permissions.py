"""The role × action matrix, generated from the permissions table and checked through HTTP: what the
berkas page offers and what a POST does must both be what the table says."""

import pytest
from django_fsm import has_transition_perm

from dukcapil.choices import Role, Status
from dukcapil.models import Berkas
from dukcapil.services import ACTIONS
from dukcapil.workflow.permissions import TABLE, Aksi, transition_actions
from tests.factories import berkas_in, enter_kk

pytestmark = pytest.mark.django_db

ROLES = {
    "loket": Role.PETUGAS_LOKET,
    "operator": Role.OPERATOR_SIAK,
    "kasi": Role.KASI,
    "kabid": Role.KABID,
    "kadis": Role.KADIS,
    "pengambilan": Role.PETUGAS_PENGAMBILAN,
    "admin": Role.ADMIN,
}
# the state in which each action of the berkas page is tried
STATE_FOR = {
    "entri-selesai": Status.DITERIMA,
    "verifikasi": Status.VERIFIKASI,
    "validasi": Status.VALIDASI,
    "koreksi": Status.VALIDASI,
    "batalkan": Status.VERIFIKASI,
}
# transitions a user reaches from a page of their own instead of the berkas page's actions
OWN_PAGE = {"hand_over": "/pengambilan/{nomor}/"}  # the pickup desk: recipient checked, register written
SEND_BACK_BY_STATE = {Status.VERIFIKASI: Aksi.VERIFIKASI, Status.VALIDASI: Aksi.VALIDASI, Status.TTE: Aksi.TTE}


def granted_by_table(role: Role, action: str, state: str) -> bool:
    method = ACTIONS[action].method
    needed = (SEND_BACK_BY_STATE[state],) if method == "send_back" else transition_actions(Berkas)[method]
    return any(aksi in TABLE[role] for aksi in needed)


def test_every_action_of_the_berkas_page_is_covered_by_the_matrix():
    assert set(STATE_FOR) == set(ACTIONS)
    assert not {ACTIONS[a].method for a in ACTIONS} & set(OWN_PAGE)  # one way to hand over


@pytest.mark.parametrize("who", list(ROLES))
def test_handover_goes_through_the_pickup_page_as_the_table_says(client, team, who):
    berkas = berkas_in(Status.SIAP_DIAMBIL, team)
    allowed = any(aksi in TABLE[ROLES[who]] for aksi in transition_actions(Berkas)["hand_over"])
    client.force_login(team[who])
    pickup = OWN_PAGE["hand_over"].format(nomor=berkas.nomor_registrasi)

    page = client.get(f"/berkas/{berkas.nomor_registrasi}/").content.decode()
    post = client.post(
        pickup,
        {
            "penerima_nama": berkas.pemohon_nama,
            "penerima_nik": berkas.pemohon_nik,
            "hubungan": "sendiri",
            "expected_status": Status.SIAP_DIAMBIL,
        },
    )

    assert (f'href="{pickup}"' in page) is allowed
    assert f"/berkas/{berkas.nomor_registrasi}/serahkan/" not in page
    berkas.refresh_from_db()
    if allowed:
        assert post.status_code == 302
        assert berkas.status == Status.DISERAHKAN and berkas.pengambilan.petugas == team[who]
    else:
        assert post.status_code == 403
        assert berkas.status == Status.SIAP_DIAMBIL


@pytest.mark.parametrize("action", list(STATE_FOR))
@pytest.mark.parametrize("who", list(ROLES))
def test_page_and_post_follow_the_table(client, team, who, action):
    state = STATE_FOR[action]
    berkas = berkas_in(state, team)
    if action == "entri-selesai":
        enter_kk(berkas, team["operator"])
    allowed = granted_by_table(ROLES[who], action, state)
    client.force_login(team[who])

    page = client.get(f"/berkas/{berkas.nomor_registrasi}/")
    post = client.post(
        f"/berkas/{berkas.nomor_registrasi}/{action}/",
        {"expected_status": state, "catatan": "Catatan uji.", "kategori": "permintaan_pemohon"},
    )

    button = f"/berkas/{berkas.nomor_registrasi}/{action}/"
    assert (button in page.content.decode()) is allowed
    berkas.refresh_from_db()
    if allowed:
        assert post.status_code == 302
        assert berkas.status != state
    else:
        assert post.status_code == 403
        assert berkas.status == state


SYSTEM_TRANSITIONS = {
    "mark_printed": Status.CETAK,
    "wait_for_blangko": Status.CETAK,
    "signing_failed": Status.CETAK,
    "print_after_restock": Status.MENUNGGU_BLANGKO,
}


def test_system_transitions_have_no_row_in_the_table():
    actions = transition_actions(Berkas)
    assert all(actions[name] == () for name in SYSTEM_TRANSITIONS)


@pytest.mark.parametrize("transition", list(SYSTEM_TRANSITIONS))
@pytest.mark.parametrize("who", [*ROLES, "superuser"])
def test_system_transitions_are_refused_for_every_user(team, django_user_model, who, transition):
    user = django_user_model.objects.create_superuser("root", password="x") if who == "superuser" else team[who]
    berkas = Berkas(status=SYSTEM_TRANSITIONS[transition], bidang_id=team["loket"].bidang_id)
    assert not has_transition_perm(getattr(berkas, transition), user)


@pytest.mark.parametrize("transition", list(SYSTEM_TRANSITIONS))
def test_system_transitions_are_not_reachable_from_the_action_url(client, team, transition):
    berkas = berkas_in(Status.VERIFIKASI, team)
    client.force_login(team["kasi"])
    response = client.post(
        f"/berkas/{berkas.nomor_registrasi}/{transition}/", {"expected_status": Status.VERIFIKASI, "catatan": "x"}
    )
    assert response.status_code == 400
    assert "tidak dikenal" in response.content.decode()
