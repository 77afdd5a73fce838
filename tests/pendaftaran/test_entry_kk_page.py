"""The operator's KK entry page as a browser uses it: the form posted back as rendered."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from pendaftaran.register import snapshot
from tests.factories import register_service

pytestmark = pytest.mark.django_db


class _FormFields(HTMLParser):
    """The fields a browser submits from each POST form of a page: inputs (checked boxes only),
    textareas, and each select's selected option (else its first)."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._in_form, self.fields = True, []
            self.forms.append(self.fields)
        if not self._in_form:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value") or ("on" if a.get("type") == "checkbox" else "")))
        elif tag == "select" and a.get("name"):
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.fields.append((a["name"], ""))

    def handle_data(self, data):
        if self._textarea is not None:
            name, value = self.fields.pop()
            self.fields.append((name, value + data))

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            chosen = next((v for v, s in self._options if s), self._options[0][0] if self._options else "")
            self.fields.append((self._select, chosen))
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._in_form:
            self._in_form = False


def form_of(response, having: str = "anggota-TOTAL_FORMS") -> dict[str, list[str]]:
    """What the browser posts from the page's form that holds the field ``having``."""
    parser = _FormFields()
    parser.feed(response.content.decode())
    fields = next(f for f in parser.forms if any(name == having for name, _ in f))
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def _rows(data: dict[str, list[str]]) -> list[str]:
    """The NIK of every member row the page offers ("" for a blank row)."""
    return [data[f"anggota-{i}-nik"][0] for i in range(int(data["anggota-TOTAL_FORMS"][0]))]


def _save_as_rendered(client, url, times: int) -> list[list[str]]:
    """Post the page back as the browser renders it ("Simpan") ``times`` times; the rows after each."""
    seen = []
    for _ in range(times):
        assert client.post(url, {**form_of(client.get(url)), "simpan": "1"}).status_code == 302
        seen.append(_rows(form_of(client.get(url))))
    return seen


@pytest.mark.parametrize(
    "kode", ["kk-perubahan-data", "kk-hilang", "kk-tambah-anggota", "kk-pisah"], ids=lambda k: k.removeprefix("kk-")
)
def test_entry_of_an_existing_kk_starts_from_the_register_with_one_spare_row(client, team, warga, kode):
    """The family and its fields come from the register (the base is what the operator sees), and
    saving again and again keeps exactly one blank row for a new member."""
    keluarga = warga[0]
    head = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    berkas = register_service(kode, head, team["loket"], detail={"nomor_kk": keluarga.nomor_kk})
    client.force_login(team["operator"])
    url = reverse("pendaftaran:entri-kk", args=[berkas.nomor_registrasi])
    data = form_of(client.get(url))
    registered = list(keluarga.anggota.filter(status="aktif").order_by("urutan"))
    assert _rows(data) == [p.nik for p in registered] + [""]
    for i, person in enumerate(registered):
        assert data[f"anggota-{i}-nama"] == [person.nama]
        assert data[f"anggota-{i}-pekerjaan"] == [person.pekerjaan]
        assert data[f"anggota-{i}-tanggal_lahir"] == [person.tanggal_lahir.isoformat()]
        assert data[f"anggota-{i}-hubungan"] == [person.hubungan]
    assert data["alamat"] == [keluarga.alamat] and data["rt"] == [keluarga.rt]
    staged = {a.nik: a.dasar for a in berkas.permohonan_kk.anggota.all()}
    assert staged == {p.nik: snapshot(p) for p in registered}
    if kode in ("kk-pisah", "kk-tambah-anggota"):
        return  # these refuse the registered family unchanged (who leaves / who joins): test_layanan, test_paket
    assert _save_as_rendered(client, url, 3) == [[p.nik for p in registered] + [""]] * 3


def test_new_kk_keeps_one_spare_row_after_every_save(client, team):
    from tests.factories import register
    from tests.pendaftaran.test_entry_kk_input import kk_post

    berkas = register(team["loket"], seq=41)
    client.force_login(team["operator"])
    url = reverse("pendaftaran:entri-kk", args=[berkas.nomor_registrasi])
    assert _rows(form_of(client.get(url))) == [""]
    first = {k: v for k, v in kk_post().items() if not k.startswith("anggota-1-") and not k.startswith("anggota-2-")}
    first.update({"anggota-TOTAL_FORMS": "1", "simpan": "1"})
    first.pop("kirim")
    assert client.post(url, first).status_code == 302
    nik = first["anggota-0-nik"]
    assert _save_as_rendered(client, url, 3) == [[nik, ""]] * 3


def test_entry_opened_after_the_register_changed_starts_from_the_register_as_it_is_now(client, team, warga):
    """The Kasi and Kabid may verify before the operator enters (days after the counter copied the
    family): the operator must see, and the change set must compare against, the register as it is
    when the entry is opened, including a member registered meanwhile."""
    from pendaftaran.models import Penduduk
    from pendaftaran.register import register_change

    keluarga = warga[0]
    head = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    berkas = register_service("kk-perubahan-data", head, team["loket"], detail={"nomor_kk": keluarga.nomor_kk})
    # meanwhile the register changes: the head's pekerjaan, the address, and a member moves in
    register_change(head, {"pekerjaan": "PEDAGANG"}, base=None, berkas=None, user=team["kasi"], sumber="uji")
    register_change(keluarga, {"rt": "009"}, base=None, berkas=None, user=team["kasi"], sumber="uji")
    newcomer = warga[1].anggota.exclude(hubungan="KEPALA KELUARGA").order_by("urutan").first()
    Penduduk.objects.filter(pk=newcomer.pk).update(keluarga=keluarga, hubungan="FAMILI LAIN", urutan=99)
    warga[1].refresh_from_db()
    client.force_login(team["operator"])
    url = reverse("pendaftaran:entri-kk", args=[berkas.nomor_registrasi])
    data = form_of(client.get(url))
    registered = list(keluarga.anggota.filter(status="aktif").order_by("urutan"))
    assert _rows(data) == [p.nik for p in registered] + [""] and newcomer.nik in _rows(data)
    assert data["anggota-0-pekerjaan"] == ["PEDAGANG"] and data["rt"] == ["009"]
    permohonan = berkas.permohonan_kk
    permohonan.refresh_from_db()
    assert permohonan.dasar["rt"] == "009"
    assert {a.nik: a.dasar for a in permohonan.anggota.all()} == {p.nik: snapshot(p) for p in registered}
    # after the operator's first save the entry is the operator's: a later register change is not
    # pulled in behind the operator's back (the approval compares and refuses instead)
    assert client.post(url, {**data, "simpan": "1"}).status_code == 302
    register_change(head, {"pekerjaan": "NELAYAN"}, base=None, berkas=None, user=team["kasi"], sumber="uji")
    assert form_of(client.get(url))["anggota-0-pekerjaan"] == ["PEDAGANG"]
