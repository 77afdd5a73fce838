"""Kinerja layanan: SLA dashboards, the late list, exports and the monthly laporan kinerja pelayanan.

Reads only: every figure is one SQL aggregate over ``Berkas``, ``KartuKendali`` and ``WorkItem``
(``selectors``); the monthly report is a naskah (``services``) signed by the Kadis."""
