"""Notifications that are never lost: in-app notices and an email outbox.

Callers write ``Notifikasi`` and ``PesanKeluar`` rows in their own transaction (the outbox); a
Celery task sends each email after commit, and a periodic sweep re-sends what a lost task or an
unreachable mail server left behind. Each message is sent once: the sender locks the row and
skips what is already ``terkirim``.
"""
