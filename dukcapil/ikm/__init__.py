"""IKM: the Survei Kepuasan Masyarakat of Permenpan-RB 14/2017 per layanan and semester.

Bintan's Standar Pelayanan (seed 002, komponen «evaluasi»): «Evaluasi melalui Indeks Kepuasan
Masyarakat (IKM) yang dilakukan setiap semester I dan II». Citizens answer after their service
(a link and QR on the resi, a QR at the desk, a kiosk tablet); staff read the index per semester
and layanan, and the Kasi draws the semester report up as a naskah for the Kadis's signature.
"""
