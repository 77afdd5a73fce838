"""Drill: conflicting actions fired at once on many berkas (the transition runner, record_lock + check_expected).

Two officers act on the same berkas at the same moment, on 50 berkas: for each, exactly one wins,
the other is told (409), nothing is lost and the kartu kendali has one row per real transition.
"""

import threading
import time

import pytest
from django.db import connection

from dukcapil import services
from dukcapil.choices import Role, Status
from dukcapil.exceptions import BerkasConflict
from dukcapil.models import Berkas
from dukcapil.workflow.models import KartuKendali, WorkItem
from pendaftaran.models import Keluarga
from tests.factories import act, enter_kk, register, staff

PAIRS_VERIFIKASI = 40  # Kasi verifies while another Kasi returns it to the operator
PAIRS_VALIDASI = 10  # two Kabid validate the same berkas (the approval writes a new KK to the register)
# Both actions of a pair start together behind a barrier. The pairs run in waves so the drill holds
# 2 * WAVE database connections at once: PostgreSQL's 100 connections are shared with other test runs.
WAVE = 10


def _cards(berkas: Berkas) -> int:
    return KartuKendali.objects.filter(berkas=berkas).count()


@pytest.mark.django_db(transaction=True)
def test_fifty_berkas_each_acted_on_twice_at_once_one_wins_and_nothing_is_lost(catalogue):
    # given: 40 berkas waiting for the Kasi, 10 waiting for the Kabid, two officers for each step
    team = {
        "loket": staff(Role.PETUGAS_LOKET),
        "operator": staff(Role.OPERATOR_SIAK),
        "kasi": staff(Role.KASI),
        "kasi2": staff(Role.KASI),
        "kabid": staff(Role.KABID),
        "kabid2": staff(Role.KABID),
    }
    pairs = []  # (berkas, status shown on both pages, (user, action, note), (user, action, note))
    for n in range(PAIRS_VERIFIKASI + PAIRS_VALIDASI):
        berkas = register(team["loket"], seq=n + 1)
        enter_kk(berkas, team["operator"], index=n)  # index n < 10 for the Kabid pairs: distinct families
        berkas = act(berkas, "entri-selesai", team["operator"])
        if n < PAIRS_VALIDASI:
            berkas = act(berkas, "verifikasi", team["kasi"])
            pairs.append(
                (berkas, Status.VALIDASI, ("kabid", "validasi", ""), ("kabid2", "validasi", "Sudah sesuai SIAK."))
            )
        else:
            pairs.append(
                (berkas, Status.VERIFIKASI, ("kasi", "verifikasi", ""), ("kasi2", "koreksi", f"Foto KK buram ({n})."))
            )
    cards_before = {b.pk: _cards(b) for b, *_ in pairs}
    keluarga_before = Keluarga.objects.count()

    # when: 2 * WAVE threads, each with its own connection, fire one side of a pair at the same moment
    results: dict[tuple[int, int], object] = {}
    start = threading.Barrier(2 * WAVE)

    def officer(slot: int) -> None:
        try:
            for wave in range(0, len(pairs), WAVE):
                berkas, shown, *sides = pairs[wave + slot // 2]
                who, action, note = sides[slot % 2]
                start.wait(timeout=30)
                try:
                    done = services.berkas_transition(
                        berkas_id=berkas.pk, action=action, user=team[who], note=note, expected_status=shown
                    )
                    results[(berkas.pk, slot % 2)] = done.status
                except BerkasConflict as exc:
                    results[(berkas.pk, slot % 2)] = exc
        finally:
            connection.close()

    began = time.monotonic()
    threads = [threading.Thread(target=officer, args=(slot,)) for slot in range(2 * WAVE)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.monotonic() - began

    # then: every berkas has one winner and one refused officer, and holds exactly the winner's change
    assert len(results) == 2 * len(pairs), f"{len(results)} of {2 * len(pairs)} actions finished"
    transitions = conflicts = 0
    for berkas, shown, *sides in pairs:
        outcome = [results[(berkas.pk, side)] for side in (0, 1)]
        won = [i for i, o in enumerate(outcome) if isinstance(o, str)]
        lost = [o for o in outcome if isinstance(o, BerkasConflict)]
        assert len(won) == 1 and len(lost) == 1, (berkas.nomor_registrasi, outcome)
        assert "baru saja diproses" in lost[0].message
        assert lost[0].http_status == 409
        winner_user, winner_action, winner_note = sides[won[0]]
        berkas.refresh_from_db()
        assert berkas.status == outcome[won[0]]
        expected_status = {"verifikasi": Status.VALIDASI, "koreksi": Status.PERBAIKAN, "validasi": Status.TTE}
        assert berkas.status == expected_status[winner_action]
        # one kartu kendali row for the one real transition, by the winner, with the winner's note
        new_cards = KartuKendali.objects.filter(berkas=berkas, dari_status=shown)
        assert new_cards.count() == 1
        card = new_cards.get()
        assert (card.pelaku_id, card.ke_status, card.catatan) == (team[winner_user].pk, berkas.status, winner_note)
        assert _cards(berkas) == cards_before[berkas.pk] + 1
        if winner_note:
            assert berkas.catatan == winner_note
        # the record waits in exactly one place (no duplicated or lost work item)
        open_items = WorkItem.objects.filter(object_id=berkas.pk, selesai_pada__isnull=True, status=berkas.status)
        assert open_items.count() == 1
        transitions += 1
        conflicts += 1
    # each validated KK baru wrote its family to the register once
    assert Keluarga.objects.count() == keluarga_before + PAIRS_VALIDASI
    assert Berkas.objects.filter(status=Status.TTE).count() == PAIRS_VALIDASI
    print(
        f"\n[latihan] {2 * len(pairs)} tindakan bertabrakan pada {len(pairs)} berkas dalam {elapsed:.1f} s: "
        f"{transitions} transisi, {conflicts} ditolak 409, 0 hilang"
    )
