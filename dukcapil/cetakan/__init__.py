"""Documents produced on request: a request never waits on a PDF.

A view asks ``cetakan_minta(user=, jenis=, params=)``; the row is written in the caller's
transaction and the ``buat_cetakan`` task is published on commit. A renderer registered with
``@register_cetakan(jenis)`` produces ``(filename, bytes)`` later, re-checking what the user may see.
"""
