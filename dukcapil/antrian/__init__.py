"""Antrian: queue tickets taken at the kiosk or online, called at a loket, shown and announced on the
waiting-room display, with waiting and service times per day (003 PELITA 3; 004 «Mengambil nomor antri»)."""
